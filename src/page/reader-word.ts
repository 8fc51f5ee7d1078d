/** The Word reader as a script of its own (dist/page/reader-word.js), loaded only when a .docx file is dropped. */
import mammoth from 'mammoth'

;(globalThis as { zfxxgkWord?: unknown }).zfxxgkWord = mammoth
