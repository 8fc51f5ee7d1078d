/** Sections 五 and 六: text, plus 六's structured 信息处理费 statement and its one extension point. */
import Type from 'typebox'
import { Paragraphs, amount, count } from './common.js'
import { define, optional } from './registry.js'

export const ProblemsAndImprovements = define(
  'ProblemsAndImprovements',
  Type.Object(
    { paragraphs: Paragraphs },
    {
      additionalProperties: false,
      title: '五、存在的主要问题及改进情况',
      description: 'Section 五: main problems and improvements; must not repeat the previous year’s text.',
    },
  ),
)

export const InformationProcessingFee = define(
  'InformationProcessingFee',
  Type.Object(
    {
      charged: Type.Boolean({
        title: '是否收取信息处理费',
        description: 'Whether any 信息处理费 (国办函〔2020〕109号) was charged during the year.',
      }),
      amountYuan: Type.Optional(amount('收取金额（元）', 'Total information processing fees charged, in yuan.')),
      cases: Type.Optional(count('收费件数', 'Number of requests for which a fee was charged.')),
    },
    {
      additionalProperties: false,
      title: '信息处理费',
      description: 'Structured statement of the information processing fee, as reported in section 六.',
    },
  ),
)

export const AdditionalItem = define(
  'AdditionalItem',
  Type.Object(
    {
      heading: Type.String({
        minLength: 1,
        maxLength: 200,
        title: '事项标题',
        description: 'The sub-item heading as printed, e.g. "（一）人大代表建议和政协提案办理结果公开情况".',
      }),
      paragraphs: Paragraphs,
    },
    {
      additionalProperties: false,
      title: '其他事项',
      description: 'A sub-item that a province or the agency adds to section 六.',
    },
  ),
)

export const OtherMatters = define(
  'OtherMatters',
  Type.Object(
    {
      paragraphs: Paragraphs,
      informationProcessingFee: optional(InformationProcessingFee),
      additionalItems: Type.Optional(
        Type.Array(AdditionalItem, {
          maxItems: 100,
          title: '增设事项',
          description:
            'The one extension point of the model: sub-items added to section 六 beyond the template (e.g. by a province).',
        }),
      ),
    },
    {
      additionalProperties: false,
      title: '六、其他需要报告的事项',
      description: 'Section 六: other matters; the 2021 template asks for the 信息处理费 situation here.',
    },
  ),
)
