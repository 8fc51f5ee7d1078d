/**
 * zfxxgk-report/form with the form generator it is written for: react-jsonschema-form 6 and its AJV 8 validator.
 * In Node, rjsf's validator (AJV's 2020 class, as the form schema asks) must agree with the package's on every
 * fixture. In Chromium, examples/consumers/form (bundled as a user would, with esbuild) must render each template's
 * schema with no unknown field, Chinese labels only, every table row of sections 二 to 四 on one line, and give back
 * on submit the very report it was given; a wrong cell must come back as a Chinese error naming it.
 */
import { build } from 'esbuild'
import fc from 'fast-check'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { customizeValidator } from '@rjsf/validator-ajv8'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORM_ROW_CLASS, formSchema, formUiSchema, UnknownTemplateError } from '../src/form/index.js'
import { validateReport } from '../src/index.js'
import { localizeZh } from '../src/validate/localize.js'
import type { JsonSchema } from '../src/schema/emit.js'
import { templateSchemas, type TemplateGeneration } from '../src/schema/published.js'
import { arbitraryReport } from './support/arbitrary.js'
import { jsonFiles, readJson, ROOT } from './support/files.js'
import { hasChromium, launch } from './support/print.js'
import { serve } from './support/static-server.js'

const TEMPLATES: TemplateGeneration[] = ['2021', '2019']
// rjsf types AjvClass as AJV's draft-07 class; the 2020 class is what the schema needs and what rjsf documents.
const rjsfValidator = customizeValidator({ AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>['AjvClass'] }, localizeZh)

/** Every description in a schema, wherever it is a keyword. */
function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) descriptions(item, out)
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') out.push(value)
      descriptions(value, out)
    }
  }
  return out
}

/** The numbers of a report's part, by JSON pointer: what the form must show as number inputs. */
function numbers(value: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>()
  const walk = (node: unknown, at: string) => {
    if (typeof node === 'number') out.set(at, node)
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}/${i}`))
    else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, `${at}/${key}`)
  }
  walk(value, path)
  return out
}

describe('the form schema and layout hints', () => {
  it('every property, item and alternative of the form schema has a `type` (a form generator picks its field by it)', () => {
    for (const template of TEMPLATES) {
      const schema = formSchema(template)
      const missing: string[] = []
      const walk = (node: JsonSchema, at: string) => {
        if (typeof node.$ref !== 'string' && node.type === undefined) missing.push(at)
        for (const [name, sub] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>)) walk(sub, `${at}/properties/${name}`)
        if (typeof node.items === 'object') walk(node.items as JsonSchema, `${at}/items`)
        for (const [i, sub] of ((node.anyOf ?? []) as JsonSchema[]).entries()) walk(sub, `${at}/anyOf/${i}`)
      }
      walk(schema, '')
      for (const [name, def] of Object.entries(schema.$defs as Record<string, JsonSchema>)) walk(def, `/$defs/${name}`)
      expect(missing, template).toEqual([])
    }
  })

  it('has the titles and no description unless asked; each call a new copy', () => {
    for (const template of TEMPLATES) {
      expect(descriptions(formSchema(template))).toEqual([])
      expect(descriptions(formSchema(template, { descriptions: true })).sort()).toEqual(descriptions(templateSchemas[template]).sort())
      expect(JSON.stringify(formSchema(template)).includes('"title":"三、收到和处理政府信息公开申请情况"')).toBe(true)
      const one = formSchema(template)
      ;(one.properties as Record<string, JsonSchema>).meta!.title = 'changed'
      expect((formSchema(template).properties as Record<string, JsonSchema>).meta!.title).not.toBe('changed')
    }
  })

  it('an unknown template is a typed, bilingual error', () => {
    for (const wrong of ['2020', 'report-2021', undefined, 2021]) {
      expect(() => formSchema(wrong as TemplateGeneration)).toThrow(UnknownTemplateError)
      expect(() => formUiSchema(wrong as TemplateGeneration)).toThrow(/unknown template .*未知的报告格式/)
    }
  })

  it('marks as a table row exactly the objects of numbers: every number of a report is a cell of one row', () => {
    for (const template of TEMPLATES) {
      const ui = formUiSchema(template)
      const report = fc.sample(arbitraryReport([template]), { seed: 11, numRuns: 1 })[0]!
      const rowOf = (pointer: string): boolean => {
        // The number's parent object in the report; its uiSchema node (alternatives looked into) must be a row.
        const keys = pointer.split('/').slice(1, -1).filter((key) => !/^\d+$/.test(key))
        let nodes: unknown[] = [ui]
        for (const key of keys) {
          nodes = nodes.flatMap((node) => {
            const n = node as Record<string, unknown>
            const direct = n[key] === undefined ? [] : [n[key]]
            const viaItems = n.items === undefined ? [] : [(n.items as Record<string, unknown>)[key]].filter(Boolean)
            const viaAlternatives = ((n.anyOf ?? []) as Record<string, unknown>[]).flatMap((option) => (option[key] === undefined ? [] : [option[key]]))
            return [...direct, ...viaItems, ...viaAlternatives]
          })
        }
        const alternatives = (node: unknown) => [node, ...(((node as Record<string, unknown>).anyOf ?? []) as unknown[])]
        return nodes.flatMap(alternatives).some((node) => (node as Record<string, unknown>)['ui:classNames'] === FORM_ROW_CLASS)
      }
      const cells = [...numbers(report).keys()].filter((pointer) => !pointer.startsWith('/meta/') && !pointer.includes('/informationProcessingFee/'))
      expect(cells.length).toBeGreaterThan(150)
      expect(cells.filter((pointer) => !rowOf(pointer))).toEqual([])
      // …and nothing else: the year and the fee statement's numbers stay fields of their own.
      expect(rowOf('/meta/year')).toBe(false)
    }
  })

  it('rjsf’s AJV 8 validator (Ajv2020, as the schema’s $schema asks) agrees with validateReport on every fixture', () => {
    let valid = 0
    let invalid = 0
    for (const folder of ['tests/valid', 'tests/invalid', 'examples']) {
      for (const file of jsonFiles(folder)) {
        const data = readJson(file) as { template?: unknown }
        if (data.template !== '2021' && data.template !== '2019') continue
        const ours = validateReport(data).valid
        const theirs = rjsfValidator.validateFormData(data, formSchema(data.template)).errors.length === 0
        expect(theirs, file).toBe(ours)
        if (ours) valid++
        else invalid++
      }
    }
    expect(valid).toBeGreaterThan(3)
    expect(invalid).toBeGreaterThan(10)
  })
})

describe.runIf(hasChromium() || process.env.CI !== undefined)('examples/consumers/form in Chromium (react-jsonschema-form 6)', { timeout: 300_000 }, () => {
  let dir = ''
  let server: Awaited<ReturnType<typeof serve>>
  let browser: Browser
  const reports = new Map<string, { template: TemplateGeneration }>()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zfxxgk-form-'))
    await build({
      entryPoints: [join(ROOT, 'examples/consumers/form/app.jsx')],
      bundle: true,
      jsx: 'automatic',
      format: 'iife',
      minify: true,
      outfile: join(dir, 'app.js'),
      // As a user's project resolves it; here, the package's source.
      alias: { 'zfxxgk-report/form': join(ROOT, 'src/form/index.ts') },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    })
    for (const file of ['index.html', 'form.css']) copyFileSync(join(ROOT, 'examples/consumers/form', file), join(dir, file))
    const add = (name: string, report: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(report))
      reports.set(name, report as { template: TemplateGeneration })
    }
    add('seed.json', readJson('examples/seed-2024-weidong-science-bureau.json'))
    add('fictional-2019.json', readJson('examples/example-2019-template-fictional.json'))
    // Generated reports: numbers everywhere, optional parts present or not, both forms of （六）其他处理.
    fc.sample(arbitraryReport(), { seed: 20261202, numRuns: 6 }).forEach((report, i) => add(`generated-${i}.json`, report))
    // AJV compiles the schema with new Function: the example needs 'unsafe-eval' (rjsf's CSP-safe validator is another package).
    server = await serve(dir, "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'")
    browser = await launch()
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function open(query: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404')) problems.push(message.text())
    })
    await page.goto(`${server.url}index.html?${query}`)
    await page.waitForSelector('form button[type=submit]')
    return { page, problems }
  }

  async function submit(page: Page): Promise<unknown> {
    await page.locator('button[type=submit]').click()
    await page.waitForFunction(() => document.getElementById('submitted')!.textContent !== '' || document.querySelector('.errors') !== null)
    const text = await page.locator('#submitted').textContent()
    return text === '' ? undefined : (JSON.parse(text!) as unknown)
  }

  it('renders every report with Chinese labels only, every table row on one line, and gives the report back unchanged on submit', async () => {
    for (const [name, report] of reports) {
      const { page, problems } = await open(`report=${name}`)
      const text = await page.locator('body').innerText()
      expect(text, name).not.toMatch(/Unknown field type|Unsupported field/)
      // No English description of the schema is shown.
      for (const description of descriptions(templateSchemas[report.template])) expect(text.includes(description), `${name}: ${description}`).toBe(false)
      expect(text).toContain('三、收到和处理政府信息公开申请情况')

      // Section 三: one number input per number of the report's section, laid out by rows.
      const expected = numbers((report as unknown as Record<string, unknown>).applications)
      const layout = await page.evaluate((rowClass) => {
        const section = document.getElementById('root_applications')!
        const inputs = [...section.querySelectorAll('input[type=number]')].map((input) => input.getBoundingClientRect())
        const rows = [...section.querySelectorAll(`.${rowClass}`)].map((row) => [...row.querySelectorAll('input[type=number]')].map((input) => {
          const box = input.getBoundingClientRect()
          return { top: Math.round(box.top), left: Math.round(box.left), width: Math.round(box.width) }
        }))
        return { inputs: inputs.length, rows }
      }, FORM_ROW_CLASS)
      expect(layout.inputs, name).toBe(expected.size)
      expect(layout.rows.flat().length).toBe(expected.size)
      for (const row of layout.rows) {
        expect(new Set(row.map((cell) => cell.top)).size, `${name}: a row's cells on one line`).toBe(1)
        for (let i = 1; i < row.length; i++) expect(row[i]!.left).toBeGreaterThan(row[i - 1]!.left + row[i - 1]!.width - 1)
        for (const cell of row) expect(cell.width).toBeGreaterThan(40)
      }
      // As many lines as rows: a grid, not one cell under another.
      expect(new Set(layout.rows.map((row) => row[0]!.top)).size).toBe(layout.rows.length)

      const back = await submit(page)
      expect(back, name).toEqual(report)
      expect(problems, name).toEqual([])
      await page.close()
    }
  })

  it('a wrong cell is refused with a Chinese message that names the cell, and nothing is submitted', async () => {
    const { page, problems } = await open('report=seed.json')
    await page.locator('#root_applications_newlyReceived_naturalPerson').fill('-3')
    expect(await submit(page)).toBeUndefined()
    const errors = await page.locator('.errors').innerText()
    expect(errors).toContain('错误')
    expect(errors).toContain('自然人')
    expect(errors).toMatch(/应当.*0/)
    expect(errors).not.toMatch(/must be|should be/)
    if (process.env.FORM_SCREENSHOT !== undefined) {
      mkdirSync(join(ROOT, '.tmp'), { recursive: true })
      await page.screenshot({ path: join(ROOT, '.tmp', process.env.FORM_SCREENSHOT), fullPage: true })
    }
    expect(problems).toEqual([])
    await page.close()
  })

  it('an empty form of either template: no unknown field, the one-row and three-row （六）其他处理 told apart', async () => {
    for (const template of TEMPLATES) {
      const { page, problems } = await open(`template=${template}`)
      const text = await page.locator('body').innerText()
      expect(text).not.toMatch(/Unknown field type|Unsupported field/)
      if (template === '2021') {
        const options = await page.locator('#root_applications_outcomes_otherHandling__anyof_select option').allInnerTexts()
        expect(options).toEqual(['（六）其他处理（3 行）', '（六）其他处理（1 行）'])
      }
      expect(await submit(page)).toBeUndefined()
      expect(await page.locator('.errors').innerText()).toContain('应当有必需属性')
      expect(problems).toEqual([])
      await page.close()
    }
  })
})
