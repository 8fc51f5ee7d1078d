/**
 * The claim vocabulary, built from the report schemas so that every cell a phrase binds to is a real cell of the
 * templates its reading names (a reading whose cells a template lacks is given only for the templates that have
 * them), and so that the sub-rows of 表三 are named by their official labels (the schema `title`s), not by copies.
 * Emitted as schema/claims.json.
 */
import type { TemplateGeneration } from '../model/report.js'
import type { JsonSchema } from '../schema/emit.js'
import { schemaPath, decodePointer } from '../schema/labels.js'
import type { ClaimPredicate, ClaimReading, ClaimTerm, ClaimsFile } from '../../generated/claims.js'

type Docs = Record<TemplateGeneration, JsonSchema>

const A = '/applications'
const O = `${A}/outcomes`
const R = '/reviewsAndLawsuits'
const REVIEW = `${R}/administrativeReview`
const DIRECT = `${R}/administrativeLitigation/withoutReview`
const AFTER = `${R}/administrativeLitigation/afterReview`
const DOCS = '/proactiveDisclosure/rulesAndNormativeDocuments'

/** A number as reports write it: Arabic or full-width digits (a decimal part for money), or a Chinese numeral. */
export const NUMBER = '[0-9]{1,3}(?:,[0-9]{3}){1,4}(?:\\.[0-9]{1,4})?|[0-9０-９]{1,12}(?:\\.[0-9]{1,4})?|[零〇一二两三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]{1,12}'
/** Characters no phrase reaches across: ends of clauses and sentences, and digits (a number ends a phrase). */
const GAP = (n: number) => `[^，,。；;：:！!？?0-9０-９\\n]{0,${n}}?`
/** Units requests and documents are counted in (not 条, 个 or 项: 主动公开信息380条, 来自5个部门的申请). */
const COUNT_UNITS = '件|份|宗'
/** Applications that are not requests for government information. */
/** Counts of answers by how they were given (按时办结, 延期答复, 答复结果满意): not a cell. */
const UNTIMELY = '(?:按时|按期|逾期|超期|及时|延期)(?:办结|答复)|答复(?:结果|期限|时限|时间|率|书|意见)|满意'
/** What else an agency receives and handles (受理群众咨询200件): a clause about it is not about information requests. */
const OTHER_REQUESTS = '咨询|来信|来电|来访|留言|工单|建议|提案|热线|诉求'
const OTHER_APPLICATIONS = '(?:许可|审批|服务|事项|登记|补助|补贴|救助|资助|项目|复议|诉讼|仲裁|赔偿|低保|专利|认定|确认)申请'
const CASE_UNITS = '件|起|宗'
/** 复议后起诉的行政诉讼案件: the kind of lawsuit, then the noun it qualifies. */
const LAWSUIT_NOUN = '(?:的(?:行政)?诉讼(?:案件)?)?'
/** A document's title in a phrase (出台《…》等规范性文件). */
const TITLE = '(?:《[^》\\n]{0,80}》等?)?'

/** The part of an official label a sentence repeats: without its number ("1.") and its bracketed note. */
function phraseOfTitle(title: string): string {
  const bare = title.replace(/^[0-9]+\./, '')
  const note = bare.endsWith('）') ? bare.lastIndexOf('（') : -1
  return (note > 0 ? bare.slice(0, note) : bare)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function childrenOf(doc: JsonSchema, pointer: string): { key: string; title: string }[] {
  const path = schemaPath(doc, pointer)
  if (path.length !== decodePointer(pointer).length + 1) return []
  // A union of shapes (the 2021 （六）: three rows, or one): the properties of every branch.
  const node = path.at(-1)!.schema
  const branches = [node, ...((node.anyOf ?? []) as JsonSchema[])].map((branch) =>
    typeof branch.$ref === 'string' ? ((doc.$defs as Record<string, JsonSchema>)[branch.$ref.replace('#/$defs/', '')] ?? {}) : branch,
  )
  const properties = Object.assign({}, ...branches.map((branch) => branch.properties ?? {})) as Record<string, JsonSchema>
  return Object.keys(properties).flatMap((key) => {
    const child = schemaPath(doc, `${pointer}/${key}`).at(-1)!
    const isRow = Object.hasOwn((child.schema.properties ?? {}) as object, 'total')
    return isRow && child.title !== undefined ? [{ key, title: child.title }] : []
  })
}

const has = (doc: JsonSchema, pointer: string) => schemaPath(doc, pointer).length === decodePointer(pointer).length + 1

/** A reading given for the templates that have all its cells (none: an error, the schema lost them). */
function reading(docs: Docs, cells: string[]): ClaimReading[] {
  if (cells.length === 0) return []
  const templates = (Object.keys(docs) as TemplateGeneration[]).filter((t) => cells.every((cell) => has(docs[t], cell)))
  if (templates.length === 0) return []
  const nonEmpty = cells as ClaimReading['cells']
  return [templates.length === Object.keys(docs).length ? { cells: nonEmpty } : { templates: templates as ClaimReading['templates'] & object, cells: nonEmpty }]
}

function readings(docs: Docs, ...alternatives: string[][]): ClaimTerm['readings'] {
  const all = alternatives.flatMap((cells) => reading(docs, cells))
  if (all.length === 0) throw new Error(`no template has the cells ${JSON.stringify(alternatives)}`)
  return all as ClaimTerm['readings']
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** Sums over the sub-rows of an outcome group, per template (the 2021 其他处理 has two shapes: both are readings). */
function subRows(docs: Docs, group: string): { key: string; title: string }[] {
  const seen = new Map<string, string>()
  for (const doc of Object.values(docs)) for (const row of childrenOf(doc, `${O}/${group}`)) seen.set(row.key, row.title)
  return [...seen].map(([key, title]) => ({ key, title }))
}

export function buildClaims(docs: Docs, reportSchema: string, numerals: ClaimsFile['numerals']): Omit<ClaimsFile, '$schema' | '$id'> {
  const term = (t: Omit<ClaimTerm, 'units'> & { units?: string }): ClaimTerm => ({ ...t, units: t.units ?? COUNT_UNITS })
  /** The sub-rows of an outcome group; a phrase may be followed by the group's (属于国家秘密不予公开1件: the sub-row). */
  const subRowTerms = (group: string, outcome: string, extra: Record<string, string[]> = {}): ClaimTerm[] =>
    subRows(docs, group).map(({ key, title }) =>
      term({
        id: `text.outcomes-${kebab(group)}-${kebab(key)}`,
        name: { zh: title.replace(/^[0-9]+\./, ''), en: `${group}: ${key}` },
        description: { zh: `表三“${title}”一行的总计。`, en: `The total of the 表三 row “${title}”.` },
        phrases: [phraseOfTitle(title), ...(extra[key] ?? [])].map((phrase) => `(?:${phrase})(?:的|而)?(?:${outcome})?`) as ClaimTerm['phrases'],
        columnar: true,
        readings: readings(docs, [`${O}/${group}/${key}/total`]),
      }),
    )
  const sumOf = (group: string) => subRows(docs, group).map(({ key }) => `${O}/${group}/${key}/total`)

  const terms: ClaimTerm[] = [
    term({
      id: 'text.applications-received',
      name: { zh: '收到申请', en: 'applications received' },
      description: {
        zh: '“收到/受理/新收……申请”：本年新收申请数，也可以是新收加上年结转数。',
        en: '“收到/受理/新收 … 申请”: this year’s new applications, or new plus carried over from last year.',
      },
      phrases: ['新收到|新收|新增|收到|受理|接收|接到'],
      negatedPhrases: ['(?:政府信息公开|依申请公开)(?:政府信息)?(?:的)?(?:申请|事项|情况)'],
      requires: '申请',
      excludes: `${OTHER_APPLICATIONS}|${OTHER_REQUESTS}`,
      columnar: true,
      readings: readings(docs, [`${A}/newlyReceived/total`], [`${A}/newlyReceived/total`, `${A}/carriedOverFromLastYear/total`]),
    }),
    term({
      id: 'text.applications-handled',
      name: { zh: '办理申请', en: 'applications handled' },
      description: {
        zh: '“办理……申请”：新收加上年结转，或新收，或办理结果总计。',
        en: '“办理 … 申请”: new plus carried over, new alone, or the total of outcomes.',
      },
      phrases: ['办理|处理'],
      requires: '申请',
      excludes: `${OTHER_APPLICATIONS}|${OTHER_REQUESTS}`,
      columnar: true,
      readings: readings(docs, [`${A}/newlyReceived/total`, `${A}/carriedOverFromLastYear/total`], [`${A}/newlyReceived/total`], [`${O}/total/total`]),
    }),
    term({
      id: 'text.applications-answered',
      name: { zh: '办结', en: 'answered' },
      description: { zh: '“办结/答复……件”：办理结果（七）总计。', en: '“办结/答复 …”: the total of outcomes, （七）总计.' },
      phrases: ['已?办结|已?答复|作出答复'],
      requires: '申请',
      excludes: `${OTHER_APPLICATIONS}|${OTHER_REQUESTS}|${UNTIMELY}`,
      columnar: true,
      readings: readings(docs, [`${O}/total/total`]),
    }),
    term({
      id: 'text.carried-over-from-last-year',
      name: { zh: '上年结转', en: 'carried over from last year' },
      description: { zh: '“上年结转……件”：二、上年结转政府信息公开申请数量。', en: '“上年结转 …”: row 二 of 表三.' },
      phrases: [`上一?年度?${GAP(6)}结转|结转上一?年度?`],
      columnar: true,
      readings: readings(docs, [`${A}/carriedOverFromLastYear/total`]),
    }),
    term({
      id: 'text.carried-over-to-next-year',
      name: { zh: '结转下年度', en: 'carried over to next year' },
      description: { zh: '“结转（下年度）……件”：四、结转下年度继续办理。', en: '“结转 (下年度) …”: row 四 of 表三.' },
      phrases: ['结转(?:至|到)?(?:下一?年度?)?(?:继续)?(?:办理)?'],
      columnar: true,
      readings: readings(docs, [`${A}/carriedOverToNextYear/total`]),
    }),
    term({
      id: 'text.outcomes-disclosed',
      name: { zh: '予以公开', en: 'disclosed' },
      description: { zh: '（一）予以公开的总计。', en: 'The total of （一）予以公开.' },
      phrases: ['予以公开|同意公开'],
      columnar: true,
      readings: readings(docs, [`${O}/disclosed/total`]),
    }),
    term({
      id: 'text.outcomes-partially-disclosed',
      name: { zh: '部分公开', en: 'partially disclosed' },
      description: { zh: '（二）部分公开的总计。', en: 'The total of （二）部分公开.' },
      phrases: ['部分公开'],
      columnar: true,
      readings: readings(docs, [`${O}/partiallyDisclosed/total`]),
    }),
    term({
      id: 'text.outcomes-withheld',
      name: { zh: '不予公开', en: 'withheld' },
      description: { zh: '（三）不予公开：各分项总计之和。', en: '（三）不予公开: the sum of its sub-rows.' },
      phrases: ['不予公开'],
      readings: readings(docs, sumOf('withheld')),
    }),
    ...subRowTerms('withheld', '不予公开'),
    term({
      id: 'text.outcomes-unable-to-provide',
      name: { zh: '无法提供', en: 'unable to provide' },
      description: { zh: '（四）无法提供：各分项总计之和（不是其中一项）。', en: '（四）无法提供: the sum of its sub-rows (not one of them).' },
      phrases: ['无法提供'],
      readings: readings(docs, sumOf('unableToProvide')),
    }),
    ...subRowTerms('unableToProvide', '无法提供', {
      notHeld: ['(?:本机关|本单位|本部门|本局|本办|本委|本院|本中心|本级)?不掌握(?:相关)?(?:的)?(?:政府)?信息|信息不存在'],
      requiresCreation: ['需(?:要)?另行制作'],
    }),
    term({
      id: 'text.outcomes-not-processed',
      name: { zh: '不予处理', en: 'not processed' },
      description: { zh: '（五）不予处理：各分项总计之和。', en: '（五）不予处理: the sum of its sub-rows.' },
      phrases: ['不予处理'],
      readings: readings(docs, sumOf('notProcessed')),
    }),
    ...subRowTerms('notProcessed', '不予处理', { complaintOrPetition: ['信访举报投诉'] }),
    term({
      id: 'text.outcomes-other-handling',
      name: { zh: '其他处理', en: 'other handling' },
      description: { zh: '（六）其他处理：一行，或各分项之和。', en: '（六）其他处理: one row, or the sum of its sub-rows.' },
      phrases: ['其他处理'],
      readings: readings(docs, [`${O}/otherHandling/total`], sumOf('otherHandling')),
    }),
    term({
      id: 'text.review-cases',
      name: { zh: '行政复议', en: 'administrative reconsideration cases' },
      description: { zh: '行政复议案件：第四部分行政复议总计。', en: '行政复议 cases: the 行政复议 total of section 四.' },
      phrases: ['行政复议|复议'],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/total`]),
    }),
    term({
      id: 'text.lawsuit-cases',
      name: { zh: '行政诉讼', en: 'administrative lawsuits' },
      description: { zh: '行政诉讼案件：未经复议直接起诉与复议后起诉两个总计之和。', en: '行政诉讼 cases: the two litigation totals of section 四 added.' },
      phrases: ['行政诉讼|诉讼|起诉|应诉'],
      units: CASE_UNITS,
      readings: readings(docs, [`${DIRECT}/total`, `${AFTER}/total`]),
    }),
    term({
      id: 'text.lawsuits-without-review',
      name: { zh: '未经复议直接起诉', en: 'lawsuits without prior reconsideration' },
      description: { zh: '未经复议直接起诉的总计。', en: 'The total of lawsuits filed without prior reconsideration.' },
      phrases: [`(?:未经(?:行政)?复议(?:直接)?(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?(?:起诉|诉讼))${LAWSUIT_NOUN}`],
      units: CASE_UNITS,
      readings: readings(docs, [`${DIRECT}/total`]),
    }),
    term({
      id: 'text.lawsuits-after-review',
      name: { zh: '复议后起诉', en: 'lawsuits after reconsideration' },
      description: { zh: '复议后起诉的总计。', en: 'The total of lawsuits filed after reconsideration.' },
      phrases: [`(?:经)?(?:行政)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼)${LAWSUIT_NOUN}`],
      units: CASE_UNITS,
      readings: readings(docs, [`${AFTER}/total`]),
    }),
    term({
      id: 'text.review-corrected',
      name: { zh: '行政复议被纠错', en: 'reconsiderations corrected' },
      description: { zh: '行政复议结果纠正的件数。', en: 'Reconsiderations whose outcome was 纠正.' },
      phrases: [`(?:行政)?复议${GAP(4)}(?:纠错|纠正|撤销|确认违法)`],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/corrected`]),
    }),
    term({
      id: 'text.lawsuits-lost',
      name: { zh: '行政诉讼败诉', en: 'lawsuits lost' },
      description: { zh: '行政诉讼结果纠正的件数（两类之和）。', en: 'Lawsuits whose outcome was 纠正 (both kinds added).' },
      phrases: [`(?:行政)?诉讼${GAP(4)}(?:败诉|纠错|纠正)|败诉`],
      units: CASE_UNITS,
      readings: readings(docs, [`${DIRECT}/corrected`, `${AFTER}/corrected`]),
    }),
    term({
      id: 'text.cases-corrected',
      name: { zh: '被纠错', en: 'cases corrected' },
      description: {
        zh: '未说明复议或诉讼的“纠错”：两者纠正之和，或其中之一。',
        en: '“纠错” without saying which: reconsiderations and lawsuits corrected, or either.',
      },
      phrases: ['纠错|被?纠正'],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/corrected`, `${DIRECT}/corrected`, `${AFTER}/corrected`], [`${REVIEW}/corrected`], [`${DIRECT}/corrected`, `${AFTER}/corrected`]),
    }),
    term({
      id: 'text.review-upheld',
      name: { zh: '行政复议维持', en: 'reconsiderations upheld' },
      description: { zh: '行政复议结果维持的件数。', en: 'Reconsiderations whose outcome was 维持.' },
      phrases: [`(?:行政)?复议${GAP(4)}维持`],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/upheld`]),
    }),
    term({
      id: 'text.lawsuits-upheld',
      name: { zh: '行政诉讼维持', en: 'lawsuits upheld' },
      description: { zh: '行政诉讼结果维持的件数（两类之和）。', en: 'Lawsuits whose outcome was 维持 (both kinds added).' },
      phrases: [`(?:行政)?诉讼${GAP(4)}维持|胜诉`],
      units: CASE_UNITS,
      readings: readings(docs, [`${DIRECT}/upheld`, `${AFTER}/upheld`]),
    }),
    term({
      id: 'text.cases-upheld',
      name: { zh: '维持', en: 'cases upheld' },
      description: {
        zh: '未说明复议或诉讼的“维持”：两者维持之和，或其中之一。',
        en: '“维持” without saying which: reconsiderations and lawsuits upheld, or either.',
      },
      phrases: ['维持'],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/upheld`, `${DIRECT}/upheld`, `${AFTER}/upheld`], [`${REVIEW}/upheld`], [`${DIRECT}/upheld`, `${AFTER}/upheld`]),
    }),
    term({
      id: 'text.cases-pending',
      name: { zh: '尚未审结', en: 'cases pending' },
      description: { zh: '尚未审结的复议和诉讼，或其中之一。', en: 'Reconsiderations and lawsuits pending, or either.' },
      phrases: ['尚未审结|未审结|正在审理|审理中'],
      units: CASE_UNITS,
      readings: readings(docs, [`${REVIEW}/pending`, `${DIRECT}/pending`, `${AFTER}/pending`], [`${REVIEW}/pending`], [`${DIRECT}/pending`, `${AFTER}/pending`]),
    }),
    ...(['normativeDocuments', 'rules'] as const).flatMap((kind) => {
      const noun = kind === 'rules' ? '规章(?!制度)' : '规范性文件'
      const zh = kind === 'rules' ? '规章' : '行政规范性文件'
      const en = kind === 'rules' ? 'rules (规章)' : 'normative documents'
      return [
        term({
          id: `text.${kebab(kind)}-in-force`,
          name: { zh: `现行有效${zh}`, en: `${en} in force` },
          description: { zh: `表二${zh}现行有效件数（2021年格式）。`, en: `表二 ${en} in force (2021 template).` },
          phrases: [`现行有效${GAP(8)}${noun}|${noun}${GAP(4)}现行有效`],
          readings: readings(docs, [`${DOCS}/${kind}/inForce`]),
        }),
        term({
          id: `text.${kebab(kind)}-issued`,
          name: { zh: `制发${zh}`, en: `${en} issued` },
          description: { zh: `表二本年制发件数（2019年格式：本年新制作数量）。`, en: `表二 issued this year (2019 template: newly made).` },
          phrases: [`(?:制发|印发|制定|出台|发布|制作)${GAP(8)}${TITLE}${GAP(4)}${noun}`],
          readings: readings(docs, [`${DOCS}/${kind}/issued`], [`${DOCS}/${kind}/newlyMade`]),
        }),
        term({
          id: `text.${kebab(kind)}-repealed`,
          name: { zh: `废止${zh}`, en: `${en} repealed` },
          description: { zh: `表二本年废止件数（2021年格式）。`, en: `表二 repealed this year (2021 template).` },
          phrases: [`废止${GAP(8)}${noun}|${noun}${GAP(4)}废止`],
          readings: readings(docs, [`${DOCS}/${kind}/repealed`]),
        }),
      ]
    }),
    term({
      id: 'text.information-processing-fee',
      name: { zh: '信息处理费', en: 'information processing fee' },
      description: {
        zh: '信息处理费金额（元）：第六部分的收费说明（未收取时为0）。',
        en: 'The information processing fee in yuan: the statement of section 六 (0 where none was charged).',
      },
      phrases: ['信息处理费'],
      units: '元',
      readings: readings(docs, ['/otherMatters/informationProcessingFee/amountYuan'], ['/otherMatters/informationProcessingFee/charged']),
    }),
  ]

  const predicates: ClaimPredicate[] = [
    {
      id: 'text.all-upheld',
      name: { zh: '均获维持', en: 'all upheld' },
      description: {
        zh: '“（复议、诉讼）均获维持”：所说案件没有纠正，也没有尚未审结。',
        en: '“均获维持” of the cases named before it: none corrected and none pending.',
      },
      phrases: ['均(?:已审结[并且]?)?(?:获|被|予以|得到|为)?(?:维持|支持)|结果(?:均|为|均为)?维持|全部(?:获|被|予以|得到)?维持|均(?:获)?胜诉|全部胜诉|无一(?:被)?纠错'],
      scopes: [
        { term: 'text.review-cases', zero: [`${REVIEW}/corrected`, `${REVIEW}/pending`] },
        { term: 'text.lawsuit-cases', zero: [`${DIRECT}/corrected`, `${DIRECT}/pending`, `${AFTER}/corrected`, `${AFTER}/pending`] },
        { term: 'text.lawsuits-without-review', zero: [`${DIRECT}/corrected`, `${DIRECT}/pending`] },
        { term: 'text.lawsuits-after-review', zero: [`${AFTER}/corrected`, `${AFTER}/pending`] },
      ],
    },
  ]

  const others = ['commercialEnterprise', 'researchInstitution', 'publicInterestOrganization', 'legalServiceProvider', 'otherOrganization']
  return {
    reportSchema,
    texts: ['/overview/paragraphs/*/heading', '/overview/paragraphs/*/text', `${A}/notes`, `${R}/notes`, '/otherMatters/paragraphs'],
    sentenceEnds: '[。；;！!？?\\n]',
    clauseEnds: '[，：:]|,(?![0-9]{3}(?![0-9]))',
    quantity: `(${NUMBER})(?:[ \\t]{0,2}(?:至|到|～|~|-|—)[ \\t]{0,2}(${NUMBER}))?[ \\t]{0,2}(?:(余|多)[ \\t]{0,2})?(${COUNT_UNITS}|起|次|元)(工作日|月|小时|百分点|以内|天|左右)?(以上)?`,
    numerals,
    coordinators: '^[ \\t]{0,4}(?:和|及|与|、|以及|或|或者|/|暨|加)[ \\t]{0,4}(?:被?(?:提起|申请)|被|发生)?$',
    respectively: '分别',
    each: '各',
    negation: '未|没有|无|不存在',
    periods: '((?:19|20)[0-9]{2})[ \\t]{0,2}年|(本年度?|今年|全年|当年)|上一?年度?|去年|前年|累计|历年|每月|每季度?|每周|月均|年均|日均|平均',
    hedges: '(?:约|大约|近|将近|接近|超过|逾|不到|不足)$',
    all: '均为|均属于?|都是|全部为|全部是|全部属于|皆为|结果均?为?',
    titles: '《[^》\\n]{0,80}》',
    maxGap: 16,
    maxSentence: 1000,
    change: `(?:较|比|与|同比)(?:上年|上一年|去年|上年度|上一年度|[0-9]{4}年)?(?:同期)?(?:相比)?[ \\t]{0,2}(增加|增长|上升|多|减少|下降|降低|少)了?[ \\t]{0,2}(${NUMBER})[ \\t]{0,2}(${COUNT_UNITS}|起|%|％)`,
    increase: '^(?:增加|增长|上升|多)$',
    unchanged: '(?:与上年|较上年|同比|与去年)(?:基本)?持平',
    columns: [
      { phrase: '自然人', name: { zh: '自然人', en: 'natural persons' }, columns: ['naturalPerson'] },
      { phrase: '法人(?:或|和|及)(?:其他)?组织', name: { zh: '法人或其他组织', en: 'legal persons and other organisations' }, columns: others as ClaimsFile['columns'][number]['columns'] },
      { phrase: '商业企业', name: { zh: '商业企业', en: 'commercial enterprises' }, columns: ['commercialEnterprise'] },
      { phrase: '科研机构', name: { zh: '科研机构', en: 'research institutions' }, columns: ['researchInstitution'] },
      { phrase: '社会公益组织', name: { zh: '社会公益组织', en: 'public-interest organisations' }, columns: ['publicInterestOrganization'] },
      { phrase: '法律服务机构', name: { zh: '法律服务机构', en: 'legal service providers' }, columns: ['legalServiceProvider'] },
    ],
    terms: terms as ClaimsFile['terms'],
    predicates,
    messages: {
      quantity: {
        zh: '正文称{claim}{stated}（“{quote}”），与表格不符：{table}',
        en: 'The text states {claim}: {stated} (“{quote}”), which the table does not give: {table}',
      },
      zero: {
        zh: '正文称没有{claim}（“{quote}”），但表格中{table}',
        en: 'The text says there were no {claim} (“{quote}”), but the table has {table}',
      },
      predicate: {
        zh: '正文称{claim}（“{quote}”），但表格中{table}',
        en: 'The text says {claim} (“{quote}”), but the table has {table}',
      },
      change: {
        zh: '正文称{claim}较上年{stated}（“{quote}”），但{year}年与{previousYear}年表格相比为{table}',
        en: 'The text says {claim} changed by {stated} against last year (“{quote}”), but the tables of {year} and {previousYear} give {table}',
      },
    },
  }
}
