/**
 * The model of the rules file (schema/rules.json): the 勾稽关系 that JSON Schema cannot express, as data. Each rule
 * has a stable id, a severity, a kind, a bilingual message template and a list of checks whose shape the kind fixes.
 * Pointers are JSON pointers into the canonical report.
 */
import Type, { type TSchema } from 'typebox'
import { define, labelled } from '../model/registry.js'

export const Bilingual = define(
  'Bilingual',
  Type.Object(
    {
      zh: Type.String({ minLength: 1, title: '中文', description: 'Chinese text.' }),
      en: Type.String({ minLength: 1, title: 'English', description: 'English text.' }),
    },
    { additionalProperties: false, title: '双语文本', description: 'A text in Chinese and in English.' },
  ),
)

export const Pointer = define(
  'Pointer',
  Type.String({
    pattern: '^(/([^~/]|~[01])*)*$',
    title: 'JSON 指针',
    description: 'A JSON pointer (RFC 6901) into the canonical report.',
  }),
)

export const TextPointer = define(
  'TextPointer',
  Type.String({
    pattern: '^(/([^~/]|~[01])*)*$',
    title: '文本指针',
    description:
      'A JSON pointer in which a segment "*" stands for every element of an array. The text it designates is every string it reaches, and every string of an array of strings it reaches.',
  }),
)

const Pointers = (title: string, description: string) =>
  Type.Array(Pointer, { minItems: 1, maxItems: 1000, title, description })

export const Template = define(
  'TemplateName',
  Type.Union([Type.Literal('2021'), Type.Literal('2019')], {
    title: '年度报告格式',
    description: 'A template generation.',
  }),
)

const templates = Type.Optional(
  Type.Array(Template, {
    minItems: 1,
    title: '适用格式',
    description: 'The check applies only to reports in these templates (for series checks: the later report). Absent: all.',
  }),
)
const previousTemplates = Type.Optional(
  Type.Array(Template, {
    minItems: 1,
    title: '上年适用格式',
    description: 'Series checks: the check applies only if the earlier report is in one of these templates. Absent: all.',
  }),
)
const texts = Type.Array(TextPointer, {
  minItems: 1,
  title: '文本位置',
  description: 'Where the text is. The strings are taken in the order of the pointers, then of the arrays, one per line.',
})
const patterns = Type.Array(Type.String({ minLength: 1 }), {
  minItems: 1,
  title: '匹配模式',
  description:
    'Regular expressions in the common subset of ECMAScript and Python syntax and meaning, matched against the text: no look-behind, no named groups, and explicit classes ([0-9], [ \\t]) where \\d or \\s would read Unicode differently.',
})

function check(name: string, description: string, properties: Record<string, TSchema>) {
  return define(
    name,
    Type.Object({ templates, ...properties }, { additionalProperties: false, title: name, description }),
  )
}

const checks = {
  sum: check('SumCheck', 'The sum of the values at `left` equals the sum of the values at `right` (a summation: total ← items).', {
    left: Pointers('左边', 'Cells summed on the left (the total, for a summation).'),
    right: Pointers('右边', 'Cells summed on the right (the items, for a summation).'),
  }),
  'template-year': check('TemplateYearCheck', 'Reports in `template` cover a year from `fromYear` to `toYear` (open-ended if absent).', {
    template: Template,
    fromYear: Type.Integer({ title: '起始年度', description: 'First report year of the template.' }),
    toYear: Type.Optional(Type.Integer({ title: '截止年度', description: 'Last report year of the template.' })),
  }),
  'text-max-length': check('TextMaxLengthCheck', 'The text has at most `maxChars` characters, white space not counted.', {
    texts,
    maxChars: Type.Integer({ minimum: 1, title: '字数上限', description: 'Maximum number of characters.' }),
  }),
  'text-mentions': check(
    'TextMentionsCheck',
    'The text contains at least one of `keywords`, or the value at `orPresent` exists.',
    {
      texts,
      keywords: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, title: '关键词', description: 'Words any of which satisfies the check.' }),
      orPresent: Type.Optional(Pointer),
    },
  ),
  'text-implies-zero': check('TextImpliesZeroCheck', 'If any of `patterns` matches the text, every cell in `cells` is 0.', {
    texts,
    patterns,
    cells: Pointers('单元格', 'Cells that must be 0 when the text says so.'),
  }),
  'text-number': check(
    'TextNumberCheck',
    'Each number that a pattern captures (group 1) equals the sum of the cells of at least one of `readings`.',
    {
      texts,
      patterns,
      readings: Type.Array(Pointers('读法', 'Cells whose sum is one acceptable reading of the number.'), {
        minItems: 1,
        title: '读法',
        description: 'Acceptable readings of a quoted number.',
      }),
    },
  ),
  'series-equal': check('SeriesEqualCheck', 'The value at `current` in a year’s report equals the value at `previous` in the report of the year before.', {
    previousTemplates,
    current: Pointer,
    previous: Pointer,
  }),
  'series-balance': check(
    'SeriesBalanceCheck',
    'The value at `current` equals `previous` (in the year before) plus the cells `plus` minus the cells `minus` (in the same year).',
    {
      previousTemplates,
      current: Pointer,
      previous: Pointer,
      plus: Pointers('加项', 'Cells of the later report added.'),
      minus: Type.Array(Pointer, { maxItems: 1000, title: '减项', description: 'Cells of the later report subtracted (may be none).' }),
    },
  ),
  'series-text-similarity': check(
    'SeriesTextSimilarityCheck',
    'The text of a year and the text of the year before have a character-bigram Dice similarity of at most `maxSimilarity`.',
    {
      previousTemplates,
      texts,
      maxSimilarity: Type.Number({ minimum: 0, maximum: 1, title: '相似度上限', description: 'Largest similarity allowed (0 to 1).' }),
    },
  ),
  'series-distinct': check('SeriesDistinctCheck', 'No two reports of the series have the same value at `pointer`.', {
    pointer: Pointer,
  }),
  'series-same': check('SeriesSameCheck', 'All reports of the series have the same value at `pointer`.', { pointer: Pointer }),
}

export type RuleKind = keyof typeof checks
export const RULE_KINDS = Object.keys(checks) as RuleKind[]

const Severity = Type.Union(
  [
    Type.Literal('error', { title: '错误', description: 'Arithmetic or a requirement the template forces: the report is wrong.' }),
    Type.Literal('warning', { title: '提示', description: 'A hint: worth a look, may be legitimate.' }),
  ],
  { title: '严重程度', description: 'How serious a finding of the rule is.' },
)

const rule = (kind: RuleKind) =>
  Type.Object(
    {
      id: Type.String({ pattern: '^[a-z][a-zA-Z0-9]*(\\.[a-z][a-z0-9-]*)+$', title: '规则编号', description: 'Stable identifier, e.g. "applications.balance".' }),
      severity: Severity,
      scope: Type.Union([Type.Literal(kind.startsWith('series-') ? 'series' : 'report')], {
        title: '适用范围',
        description: '"report": one report; "series": consecutive years of one agency.',
      }),
      kind: Type.Literal(kind, { title: '规则类型', description: 'What the checks mean; it fixes their shape.' }),
      description: labelled(Bilingual, '规则说明', 'What the rule checks and why.'),
      message: labelled(
        Bilingual,
        '提示信息模板',
        'Message of a finding. Placeholders in braces: {cell} (labels of the first cell), {previousCell} (series: the cell of the year before), {column}, {actual}, {expected}, {difference}, {leftItems}, {rightItems}, {number}, {excerpt}, {limit}, {length}, {year}, {previousYear}, {template}, {similarity}, {value}.',
      ),
      checks: Type.Array(checks[kind], { minItems: 1, title: '检查项', description: 'The rule expanded over rows, columns or groups.' }),
    },
    { additionalProperties: false, title: `Rule (${kind})`, description: `A rule of kind "${kind}".` },
  )

export const Rule = define(
  'Rule',
  Type.Union(
    RULE_KINDS.map((kind) => define(`${kind.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}Rule`, rule(kind))),
    { title: '规则', description: 'One rule of the rules file.' },
  ),
)

/** How the numbers of the text rules and claims are read (schema/rules.json and schema/claims.json). */
export const Numerals = define(
  'Numerals',
  Type.Object(
    {
      digits: Type.Record(Type.String({ minLength: 1, maxLength: 1 }), Type.Integer({ minimum: 0, maximum: 9 }), {
        title: '数字',
        description: 'Each digit character and its value: Arabic, full-width and Chinese (零 〇 一 二 两 三 … 九).',
      }),
      units: Type.Record(Type.String({ minLength: 1, maxLength: 1 }), Type.Integer({ minimum: 10 }), {
        title: '数位',
        description: 'Each unit character of a Chinese numeral and its value (十 10, 百 100, 千 1000, 万 10000).',
      }),
    },
    {
      additionalProperties: false,
      title: '数字写法',
      description:
        'How the numbers that text-number patterns capture (group 1) are read: a run of digits is read positionally (全角 too); a Chinese numeral by its units (二十一 21, 一百零五 105, 十二 12, 两千 2000). A capture that cannot be read so is not a claim.',
    },
  ),
)

export const RulesFile = define(
  'RulesFile',
  Type.Object(
    {
      $schema: Type.Optional(Type.String({ title: '数据格式', description: 'URL of the JSON Schema of this file.' })),
      $id: Type.Optional(Type.String({ title: '地址', description: 'The published URL of this rules file.' })),
      reportSchema: Type.String({ title: '报告格式', description: 'The `$id` of the report schema the pointers refer to.' }),
      rules: Type.Array(Rule, { title: '规则', description: 'The rules, in the order a checker reports them.' }),
      numerals: Type.Optional(Numerals),
    },
    {
      additionalProperties: false,
      title: '政府信息公开工作年度报告勾稽关系',
      description: 'Consistency rules of the annual report that JSON Schema cannot express, as data.',
    },
  ),
)
