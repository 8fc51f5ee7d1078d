// The browser entry in an application bundled by esbuild or Vite: the precompiled validators (loaded as a chunk of
// their own, for an invalid report only) and the checker, under a strict CSP (no 'unsafe-eval').
// It validates ./seed.json and a copy with an empty 机关名称, and shows the results as the page's title.
import { checkReport, isReport, validateReport } from 'zfxxgk-report/browser'

const seed = await (await fetch('./seed.json')).json()
const bad = { ...seed, meta: { ...seed.meta, agencyName: '' } }
const result = await validateReport(bad)
document.title = JSON.stringify([isReport(seed), checkReport(seed).errors, isReport(bad), result.valid, result.errors[0].pointer, result.errors[0].message.zh])
