/**
 * The model of the claim vocabulary (schema/claims.json): how the narrative of a report states numbers that its
 * tables hold — the phrases that name a quantity, the cells each binds to and the readings accepted — as data, so
 * that every implementation reads a sentence the same way. The reading itself is described in the README
 * ("Claims in the narrative") and implemented by src/claims/read.ts and the Python second implementation.
 */
import Type from 'typebox'
import { define, labelled } from '../model/registry.js'
import { Bilingual, Numerals, Pointer, Template, TextPointer } from '../rules/model.js'

const RuleId = Type.String({
  pattern: '^[a-z][a-zA-Z0-9]*(\\.[a-z][a-z0-9-]*)+$',
  title: '编号',
  description: 'Stable identifier; findings carry it as their ruleId.',
})

const Pattern = (title: string, description: string) =>
  Type.String({ minLength: 1, maxLength: 2000, title, description: `${description} A regular expression in the syntax common to ECMAScript and Python's re (no flags, no named groups, no look-behind).` })

const Patterns = (title: string, description: string) =>
  Type.Array(Pattern('短语', 'One phrase.'), { minItems: 1, maxItems: 100, title, description })

export const ClaimReading = define(
  'ClaimReading',
  Type.Object(
    {
      templates: Type.Optional(Type.Array(Template, { minItems: 1, title: '适用格式', description: 'The reading applies only to reports in these templates. Absent: all.' })),
      cells: Type.Array(Pointer, {
        minItems: 1,
        maxItems: 100,
        title: '单元格',
        description: 'The cells whose sum the phrase names. A cell the report lacks makes the reading unavailable (not a mismatch).',
      }),
    },
    { additionalProperties: false, title: '读法', description: 'One way of reading the phrase as table cells.' },
  ),
)

export const ClaimTerm = define(
  'ClaimTerm',
  Type.Object(
    {
      id: RuleId,
      name: labelled(Bilingual, '名称', 'What the phrase counts, as a finding names it.'),
      description: labelled(Bilingual, '说明', 'What the term binds to and why.'),
      phrases: Patterns('短语', 'The phrases that name this quantity; the longest match of any term wins where matches overlap.'),
      negatedPhrases: Type.Optional(
        Patterns('否定短语', 'Phrases that name this quantity only right after a negation (无政府信息公开申请: none received); never bound to a number.'),
      ),
      requires: Type.Optional(
        Pattern('须同现', 'The sentence must also match this (e.g. 申请 for 收到) outside what `excludes` matches, or the phrase names something else.'),
      ),
      excludes: Type.Optional(Pattern('排除', 'A clause that matches this is about something else (行政许可申请), and the term is not read in it.')),
      units: Pattern('计量单位', 'The units a quantity of this term is written with (the whole unit must match).'),
      columnar: Type.Optional(
        Type.Boolean({
          title: '可按申请人类型',
          description: 'The cells are rows of the applicant table ending in /total: a column phrase (自然人, …) in the clause names the same rows in those columns.',
        }),
      ),
      readings: Type.Array(ClaimReading, {
        minItems: 1,
        maxItems: 100,
        title: '读法',
        description: 'The acceptable readings, in order: the statement holds if the table agrees with any one of them.',
      }),
    },
    { additionalProperties: false, title: '数量用语', description: 'A phrase of the narrative that names a quantity of the tables.' },
  ),
)

export const ClaimPredicate = define(
  'ClaimPredicate',
  Type.Object(
    {
      id: RuleId,
      name: labelled(Bilingual, '名称', 'What the phrase says.'),
      description: labelled(Bilingual, '说明', 'What the phrase implies for the tables.'),
      phrases: Patterns('短语', 'The phrases (e.g. 均获维持).'),
      scopes: Type.Array(
        Type.Object(
          {
            term: RuleId,
            zero: Type.Array(Pointer, { minItems: 1, maxItems: 100, title: '应为零的单元格', description: 'Cells that the phrase says are 0 when it is about this term.' }),
          },
          { additionalProperties: false, title: '适用对象', description: 'A term the phrase can be about, and what it then implies.' },
        ),
        { minItems: 1, maxItems: 100, title: '适用对象', description: 'The phrase is about the terms of these scopes named earlier in its sentence; with none named, it claims nothing.' },
      ),
    },
    { additionalProperties: false, title: '断言用语', description: 'A phrase that states something of the quantities named before it (e.g. 均获维持).' },
  ),
)

export const ClaimColumn = define(
  'ClaimColumn',
  Type.Object(
    {
      phrase: Pattern('短语', 'The phrase naming applicants of these columns.'),
      name: labelled(Bilingual, '名称', 'The columns as a finding names them.'),
      columns: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        minItems: 1,
        maxItems: 10,
        title: '列',
        description: 'Property names of the applicant columns (summed), replacing the last segment (total) of a columnar term’s cells.',
      }),
    },
    { additionalProperties: false, title: '申请人类型', description: 'A phrase naming a column (or columns) of the applicant table.' },
  ),
)

export const ClaimsFile = define(
  'ClaimsFile',
  Type.Object(
    {
      $schema: Type.Optional(Type.String({ title: '数据格式', description: 'URL of the JSON Schema of this file.' })),
      $id: Type.Optional(Type.String({ title: '地址', description: 'The published URL of this file.' })),
      reportSchema: Type.String({ title: '报告格式', description: 'The `$id` of the report schema the pointers refer to.' }),
      texts: Type.Array(TextPointer, { minItems: 1, maxItems: 100, title: '读取的文本', description: 'The texts whose sentences are read, each sentence by itself.' }),
      sentenceEnds: Pattern('句末', 'A character class of the characters that end a sentence.'),
      clauseEnds: Pattern('分句', 'A character class of the characters that end a clause.'),
      quantity: Pattern(
        '数量',
        'A number with its unit (digits may be grouped by commas: 1,200元). Groups: 1 the number, 2 the end of a range (N至M), 3 余 or 多 (more than N, fewer than N plus a unit of its last non-zero digit), 4 the unit, 5 a word after the unit that makes it no count (个工作日: such a match is no quantity), 6 以上 (at least N).',
      ),
      numerals: Numerals,
      coordinators: Pattern('并列', 'What may stand between two terms summed into one quantity (予以公开及部分公开).'),
      respectively: Pattern('分别', 'A word between terms and as many quantities that pairs them in order (分别为).'),
      each: Pattern('各', 'A word between terms and one quantity that gives each term that quantity (各1件).'),
      negation: Pattern('否定', 'A negation before terms: each is 0 (未收到, 没有发生). It claims nothing when a quantity follows in the clause (未按时办结3件).'),
      periods: Pattern(
        '时期',
        'Words naming the period a statement is about. The last one before a claim in its sentence (outside terms and changes) decides: group 1, a year (2023年), is the report year the claim is about; group 2 (本年, 全年) is the year named before it in the sentence, or else the report’s; any other (上年, 每月, 累计) makes it no claim about the report.',
      ),
      hedges: Pattern('约数', 'Words right before a number that make it approximate (约30件, 近百件): such a quantity claims nothing.'),
      all: Pattern(
        '均为',
        'Words after a quantity that give the term or applicant column right after them the same quantity (不予处理5件，均为信访举报投诉类申请; 收到8件，均为自然人申请), unless a predicate phrase covers them.',
      ),
      titles: Pattern('书名', 'The title of a document or law (《行政复议法》): no term or negation is read inside it.'),
      maxSentence: Type.Integer({
        minimum: 1,
        maximum: 100000,
        title: '最长句子',
        description: 'Sentences longer than this many characters are not read (a budget: the work per sentence stays bounded, and no report writes such a sentence).',
      }),
      maxGap: Type.Integer({ minimum: 0, maximum: 100, title: '最大间隔', description: 'Most characters between a term (or negation) and what it governs.' }),
      change: Pattern(
        '增减',
        'A change against the year before, attached to the quantity before it in the sentence. Groups: 1 the direction word, 2 the amount, 3 the unit (% for a percentage).',
      ),
      increase: Pattern('增加', 'Direction words of group 1 that mean more.'),
      unchanged: Pattern('持平', 'A phrase saying the quantity before it equals last year’s.'),
      columns: Type.Array(ClaimColumn, { maxItems: 20, title: '申请人类型', description: 'Phrases naming applicant columns.' }),
      terms: Type.Array(ClaimTerm, { minItems: 1, maxItems: 200, title: '数量用语', description: 'The quantities, in the order findings report them.' }),
      predicates: Type.Array(ClaimPredicate, { maxItems: 50, title: '断言用语', description: 'Statements about the quantities named before them.' }),
      messages: Type.Object(
        {
          quantity: labelled(Bilingual, '数量不符', 'A quantity that no reading gives. Placeholders: {quote}, {claim}, {stated}, {table}.'),
          zero: labelled(Bilingual, '应为零', 'A negation whose cells are not 0. Placeholders: {quote}, {claim}, {table}.'),
          predicate: labelled(Bilingual, '断言不符', 'A predicate whose cells are not 0. Placeholders: {quote}, {claim}, {table}.'),
          change: labelled(Bilingual, '增减不符', 'A change against the year before that the two tables do not give. Placeholders: {quote}, {claim}, {stated}, {table}, {year}, {previousYear}.'),
        },
        { additionalProperties: false, title: '提示信息模板', description: 'Messages of the findings, by kind of claim.' },
      ),
    },
    {
      additionalProperties: false,
      title: '政府信息公开工作年度报告正文数量用语',
      description: 'How the narrative of the annual report states the numbers of its tables, as data: claims read from sentences and checked against the cells.',
    },
  ),
)
