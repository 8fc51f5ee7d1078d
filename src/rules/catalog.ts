/**
 * The rules of the annual report, built from the report schemas so that every pointer names a real cell: the
 * summations are expanded over the rows, columns and groups the schema has. Emitted as schema/rules.json.
 */
import { TEMPLATES, type TemplateGeneration } from '../model/report.js'
import type { JsonSchema } from '../schema/emit.js'
import { columnsOf, placesOf, placeVariants } from '../schema/places.js'
import type { Rule } from '../../generated/rules.js'

type Check = { templates?: TemplateGeneration[]; [key: string]: unknown }
type Docs = Record<TemplateGeneration, JsonSchema>

const ROW = 'ApplicantCounts'
const CASES = 'CaseOutcomes'
const A = '/applications'

/** A list the rules file requires to be non-empty; an empty one means the schema lost the cells it expands over. */
function nonEmpty<T>(list: T[]): [T, ...T[]] {
  if (list.length === 0) throw new Error('a rule expanded to no checks')
  return list as [T, ...T[]]
}

/** Expands `build` over every template and merges identical checks into one listing their templates. */
function perTemplate<T extends object>(docs: Docs, build: (doc: JsonSchema, template: TemplateGeneration) => T[]): [T, ...T[]] {
  const merged = new Map<string, T & Check>()
  for (const template of Object.keys(docs) as TemplateGeneration[]) {
    for (const check of build(docs[template], template)) {
      const key = JSON.stringify(check)
      const seen = merged.get(key)
      if (seen === undefined) merged.set(key, { templates: [template], ...check } as T & Check)
      else seen.templates!.push(template)
    }
  }
  const all = Object.keys(docs).length
  return nonEmpty(
    [...merged.values()].map((check) => dropUndefined(check.templates!.length === all ? { ...check, templates: undefined } : check)),
  )
}

const dropUndefined = <T extends object>(check: T): T =>
  Object.fromEntries(Object.entries(check).filter(([, value]) => value !== undefined)) as T

/** The message of a summation "total ← items": the total's labels, and the labels of the items. */
const SUMMATION_MESSAGE = {
  zh: '{cell}为 {actual}，但{rightItems}之和为 {expected}（相差 {difference}）',
  en: '{cell} is {actual}, but {rightItems} add up to {expected} (difference {difference})',
}

const parts = (doc: JsonSchema, def: string) => columnsOf(doc, def).filter((column) => column !== 'total')

export function buildRules(docs: Docs): Rule[] {
  const applicantColumns = (doc: JsonSchema) => columnsOf(doc, ROW)
  const rules = [
    {
      id: 'applications.row-total',
      severity: 'error',
      scope: 'report',
      kind: 'sum',
      description: {
        zh: '申请情况表每一行的总计等于六类申请人之和。',
        en: 'In every row of the application matrix, 总计 equals the sum of the six applicant columns.',
      },
      message: SUMMATION_MESSAGE,
      checks: perTemplate(docs, (doc) =>
        placesOf(doc, ROW).map((row) => ({ left: [`${row}/total`], right: nonEmpty(parts(doc, ROW).map((c) => `${row}/${c}`)) })),
      ),
    },
    {
      id: 'applications.outcome-total',
      severity: 'error',
      scope: 'report',
      kind: 'sum',
      description: {
        zh: '每一列的（七）总计等于各项办理结果之和（（六）其他处理：2021年格式为三行，2019年格式为一行；2021年格式的报告印为一行的，按印出的一行计）。',
        en: 'In every column, （七）总计 equals the sum of all outcome rows (（六）: three rows in 2021, one in 2019, or the one row a 2021 report printed instead).',
      },
      message: {
        zh: '{cell}为 {actual}，但该列各项办理结果之和为 {expected}（相差 {difference}）',
        en: '{cell} is {actual}, but the outcome rows of the column add up to {expected} (difference {difference})',
      },
      // One check per shape of the outcome rows (2021: （六） as three rows, or as the one row printed): each applies
      // where its cells are there.
      checks: perTemplate(docs, (doc) =>
        placeVariants(doc, ROW).flatMap((places) => {
          const outcomeRows = places.filter((p) => p.startsWith(`${A}/outcomes/`) && p !== `${A}/outcomes/total`)
          return applicantColumns(doc).map((c) => ({
            left: [`${A}/outcomes/total/${c}`],
            right: nonEmpty(outcomeRows.map((row) => `${row}/${c}`)),
          }))
        }),
      ),
    },
    {
      id: 'applications.balance',
      severity: 'error',
      scope: 'report',
      kind: 'sum',
      description: {
        zh: '表格注明的勾稽关系：每一列第一项加第二项之和，等于第三项（七）总计加第四项之和。',
        en: 'The rule printed in the matrix: in every column, 一 + 二 equals （七）总计 + 四.',
      },
      message: {
        zh: '“{column}”列：{leftItems}之和为 {actual}，{rightItems}之和为 {expected}，二者应当相等（相差 {difference}）',
        en: 'Column “{column}”: {leftItems} add up to {actual}, {rightItems} to {expected}; they must be equal (difference {difference})',
      },
      checks: perTemplate(docs, (doc) =>
        applicantColumns(doc).map((c) => ({
          left: [`${A}/newlyReceived/${c}`, `${A}/carriedOverFromLastYear/${c}`],
          right: [`${A}/outcomes/total/${c}`, `${A}/carriedOverToNextYear/${c}`],
        })),
      ),
    },
    {
      id: 'reviewsAndLawsuits.group-total',
      severity: 'error',
      scope: 'report',
      kind: 'sum',
      description: {
        zh: '行政复议、行政诉讼每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和。',
        en: 'In section 四, each group’s 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
      },
      message: SUMMATION_MESSAGE,
      checks: perTemplate(docs, (doc) =>
        placesOf(doc, CASES).map((group) => ({
          left: [`${group}/total`],
          right: nonEmpty(parts(doc, CASES).map((c) => `${group}/${c}`)),
        })),
      ),
    },
    {
      id: 'report.template-matches-year',
      severity: 'error',
      scope: 'report',
      kind: 'template-year',
      description: {
        zh: '年度报告格式与报告年度相符：2019、2020年度用2019年格式，2021年度起用2021年格式。',
        en: 'The template generation matches the report year: 2019 and 2020 use the 2019 template, 2021 onward the 2021 template.',
      },
      message: {
        zh: '{year}年度的报告使用了{template}年格式；该格式适用于{fromYear}年度至{toYear}',
        en: 'A report for {year} uses the {template} template, which is for report years {fromYear}–{toYear}',
      },
      checks: nonEmpty(
        (Object.keys(TEMPLATES) as TemplateGeneration[]).map((template) =>
          dropUndefined({ template, fromYear: TEMPLATES[template].fromYear, toYear: TEMPLATES[template].toYear as number | undefined }),
        ),
      ),
    },
    {
      id: 'otherMatters.fee-statement',
      severity: 'warning',
      scope: 'report',
      kind: 'text-mentions',
      description: {
        zh: '2021年格式要求在第六部分报告收取信息处理费情况。',
        en: 'The 2021 template asks section 六 to state the 信息处理费 situation.',
      },
      message: {
        zh: '{cell}未说明收取信息处理费的情况',
        en: '{cell} does not state whether any 信息处理费 (information processing fee) was charged',
      },
      checks: [
        {
          templates: ['2021'],
          texts: ['/otherMatters/paragraphs', '/otherMatters/additionalItems/*/heading', '/otherMatters/additionalItems/*/paragraphs'],
          keywords: ['信息处理费', '收费', '收取费用'],
          orPresent: '/otherMatters/informationProcessingFee',
        },
      ],
    },
    {
      id: 'applications.fee-notice-zero',
      severity: 'warning',
      scope: 'report',
      kind: 'text-implies-zero',
      description: {
        zh: '文字说明未发出过收费通知的，（六）其他处理第2项（逾期未缴费）应当为0。',
        en: 'Where the text says no fee notice was issued, row （六）2 (fee not paid after a notice) must be 0.',
      },
      message: {
        zh: '文字说明未发出收费通知（“{excerpt}”），但{cell}为 {actual}',
        en: 'The text says no fee notice was issued (“{excerpt}”), but {cell} is {actual}',
      },
      checks: [
        {
          templates: ['2021'],
          texts: ['/otherMatters/paragraphs', '/otherMatters/additionalItems/*/heading', '/otherMatters/additionalItems/*/paragraphs', `${A}/notes`, '/overview/paragraphs/*/heading', '/overview/paragraphs/*/text'],
          patterns: [
            '(?:未|没有)(?:向申请人)?(?:发出|下发|出具|送达|发送|开具)(?:过)?(?:任何)?(?:信息处理费)?(?:缴费|收费)通知',
          ],
          cells: nonEmpty(columnsOf(docs['2021'], ROW).map((c) => `${A}/outcomes/otherHandling/feeNotPaid/${c}`)),
        },
      ],
    },
    {
      id: 'overview.length',
      severity: 'warning',
      scope: 'report',
      kind: 'text-max-length',
      description: {
        zh: '2021年格式要求总体情况篇幅原则上不超过一千字。',
        en: 'The 2021 template asks that section 一 be no longer than about a thousand characters.',
      },
      message: {
        zh: '{cell}共 {length} 字，超过 {limit} 字',
        en: '{cell} has {length} characters, more than {limit}',
      },
      checks: [{ templates: ['2021'], texts: ['/overview/paragraphs/*/heading', '/overview/paragraphs/*/text'], maxChars: 1000 }],
    },
    {
      id: 'series.carry-over',
      severity: 'error',
      scope: 'series',
      kind: 'series-equal',
      description: {
        zh: '本年“上年结转”等于上一年度报告的“结转下年度继续办理”（逐列，跨2020→2021格式变更亦然）。',
        en: 'This year’s 上年结转 equals last year’s 结转下年度继续办理, column by column, also across the 2020→2021 template change.',
      },
      message: {
        zh: '{year}年{cell}为 {actual}，但{previousYear}年{previousCell}为 {expected}',
        en: '{cell} of {year} is {actual}, but {previousCell} of {previousYear} is {expected}',
      },
      checks: perTemplate(docs, (doc) =>
        columnsOf(doc, ROW).map((c) => ({
          current: `${A}/carriedOverFromLastYear/${c}`,
          previous: `${A}/carriedOverToNextYear/${c}`,
        })),
      ),
    },
    {
      id: 'series.documents-in-force',
      severity: 'warning',
      scope: 'series',
      kind: 'series-balance',
      description: {
        zh: '现行有效件数约等于上年现行有效件数加本年制发件数减本年废止件数；2019年格式中对外公开总数量约等于上年数加本年新公开数量（清理文件会合理地打破此关系，仅作提示）。',
        en: '现行有效件数 ≈ last year’s + 本年制发件数 − 本年废止件数 (2019 template: 对外公开总数量 ≈ last year’s + 本年新公开数量); clean-ups legitimately break it, so only a hint.',
      },
      message: {
        zh: '{year}年{cell}为 {actual}，按上年数与本年增减计算应为 {expected}',
        en: '{cell} of {year} is {actual}; last year’s figure with this year’s changes gives {expected}',
      },
      checks: nonEmpty([
        ...['rules', 'normativeDocuments'].map((row) => {
          const p = `/proactiveDisclosure/rulesAndNormativeDocuments/${row}`
          const only2021: ['2021'] = ['2021']
          return { templates: only2021, previousTemplates: only2021, current: `${p}/inForce`, previous: `${p}/inForce`, plus: [`${p}/issued`] as [string], minus: [`${p}/repealed`] }
        }),
        // 2019 template: 对外公开总数量 grows by 本年新公开数量 (nothing is subtracted).
        ...['rules', 'normativeDocuments'].map((row) => {
          const p = `/proactiveDisclosure/rulesAndNormativeDocuments/${row}`
          const only2019: ['2019'] = ['2019']
          return { templates: only2019, previousTemplates: only2019, current: `${p}/totalPublished`, previous: `${p}/totalPublished`, plus: [`${p}/newlyPublished`] as [string], minus: [] as string[] }
        }),
      ]),
    },
    {
      id: 'series.problems-repeated',
      severity: 'warning',
      scope: 'series',
      kind: 'series-text-similarity',
      description: {
        zh: '第五部分不得与上一年度雷同（“不得出现敷衍了事甚至年年雷同现象”）。',
        en: 'Section 五 must not repeat the previous year’s text.',
      },
      message: {
        zh: '{year}年{cell}与{previousYear}年的相似度为 {similarity}，几乎相同',
        en: '{cell} of {year} is {similarity} similar to {previousYear}’s: nearly the same text',
      },
      checks: [{ texts: ['/problemsAndImprovements/paragraphs'], maxSimilarity: 0.9 }],
    },
    {
      id: 'series.distinct-years',
      severity: 'error',
      scope: 'series',
      kind: 'series-distinct',
      description: { zh: '同一机关的一组报告中每个年度只能有一份报告。', en: 'A series has at most one report per year.' },
      message: { zh: '有多份{value}年度的报告', en: 'More than one report for {value}' },
      checks: [{ pointer: '/meta/year' }],
    },
    {
      id: 'series.same-agency',
      severity: 'warning',
      scope: 'series',
      kind: 'series-same',
      description: { zh: '一组报告应属于同一机关。', en: 'The reports of a series belong to one agency.' },
      message: { zh: '{cell}不一致：{value}', en: '{cell} differs across the series: {value}' },
      checks: [{ pointer: '/meta/agencyName' }],
    },
  ] satisfies Rule[]
  return rules
}
