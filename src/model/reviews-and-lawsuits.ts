/** Section 四、政府信息公开行政复议、行政诉讼情况: one row of three groups of five numbers (same in both templates). */
import Type from 'typebox'
import { count, notes } from './common.js'
import { define, labelled } from './registry.js'

const CaseOutcomes = define(
  'CaseOutcomes',
  Type.Object(
    {
      upheld: count('结果维持', 'Cases concluded with the agency’s act upheld.'),
      corrected: count('结果纠正', 'Cases concluded with the agency’s act corrected.'),
      other: count('其他结果', 'Cases concluded otherwise.'),
      pending: count('尚未审结', 'Cases not yet concluded.'),
      total: count('总计', 'All cases of the group, as printed (not recomputed).'),
    },
    { additionalProperties: false, title: '案件结果', description: 'Five numbers of one group of section 四.' },
  ),
)

export const ReviewsAndLawsuits = define(
  'ReviewsAndLawsuits',
  Type.Object(
    {
      administrativeReview: labelled(CaseOutcomes, '行政复议', 'Administrative reconsideration cases.'),
      administrativeLitigation: Type.Object(
        {
          withoutReview: labelled(
            CaseOutcomes,
            '未经复议直接起诉',
            'Lawsuits filed directly, without administrative reconsideration first.',
          ),
          afterReview: labelled(CaseOutcomes, '复议后起诉', 'Lawsuits filed after administrative reconsideration.'),
        },
        {
          additionalProperties: false,
          title: '行政诉讼',
          description:
            'Administrative lawsuits. Where the reconsideration body is a co-defendant, only the original agency counts the case.',
        },
      ),
      notes: notes(),
    },
    {
      additionalProperties: false,
      title: '四、政府信息公开行政复议、行政诉讼情况',
      description: 'Section 四: administrative reconsideration and litigation about information disclosure.',
    },
  ),
)
