import { deflateSync } from 'fflate'
import zlib from 'node:zlib'
let s = ''
for (let r = 0; r < 40000; r++) { s += '<row r="' + r + '">'; for (let c = 0; c < 221; c++) s += '<c r="AB' + r + '"><v>' + ((r * 7 + c * 13) % 500) + '</v></c>'; s += '</row>' }
const b = new TextEncoder().encode(s.slice(0, 60e6))
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
for (const level of [1, 3, 6]) { let t = cpu(); const o = deflateSync(b, { level }); console.log('fflate', level, cpu() - t, o.length) }
for (const level of [1, 6]) { let t = cpu(); const o = zlib.deflateRawSync(b, { level }); console.log('zlib', level, cpu() - t, o.length) }
console.log(b.length)
