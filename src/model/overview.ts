/** Section 一、总体情况: faithful text, with the five standard topics identifiable where a report has them. */
import Type from 'typebox'
import { define, optional } from './registry.js'

/** The five topics the template asks section 一 to cover, keyed by stable English names. */
export const OverviewTopic = define(
  'OverviewTopic',
  Type.Union(
    [
      Type.Literal('proactiveDisclosure', { title: '主动公开', description: 'Proactive disclosure.' }),
      Type.Literal('disclosureOnRequest', { title: '依申请公开', description: 'Disclosure on request.' }),
      Type.Literal('informationManagement', { title: '政府信息管理', description: 'Management of government information.' }),
      Type.Literal('platformConstruction', {
        title: '政府信息公开平台建设',
        description: 'Building of disclosure platforms (2019 template: 平台建设).',
      }),
      Type.Literal('supervision', { title: '监督保障', description: 'Supervision and safeguards.' }),
    ],
    // `type` beside the alternatives for form generators, which pick a field by it (schema 1.1).
    { type: 'string', title: '总体情况主题', description: 'One of the five standard topics of section 一.' },
  ),
)

export const OverviewParagraph = define(
  'OverviewParagraph',
  Type.Object(
    {
      heading: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 200,
          title: '小标题',
          description: 'The paragraph’s printed heading, e.g. "（一）主动公开", without the text that follows it.',
        }),
      ),
      topic: optional(OverviewTopic),
      text: Type.String({
        minLength: 1,
        maxLength: 100000,
        title: '段落',
        description: 'The paragraph as printed, without its heading.',
      }),
    },
    {
      additionalProperties: false,
      title: '总体情况段落',
      description:
        'One paragraph of section 一. A paragraph under a topic heading carries that topic, the heading only on the first; free prose before any heading has neither.',
    },
  ),
)

export const Overview = define(
  'Overview',
  Type.Object(
    {
      paragraphs: Type.Array(OverviewParagraph, {
        maxItems: 10000,
        title: '正文',
        description: 'Paragraphs of section 一 in the order printed.',
      }),
    },
    {
      additionalProperties: false,
      title: '一、总体情况',
      description:
        'Section 一: overall situation, covering 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障.',
    },
  ),
)
