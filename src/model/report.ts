/** The whole report, for each template generation, and their union discriminated by `template`. */
import Type, { type TObject } from 'typebox'
import { Applications2019, Applications2021 } from './applications.js'
import { OtherMatters, ProblemsAndImprovements } from './closing-sections.js'
import { ReportMeta } from './meta.js'
import { Overview } from './overview.js'
import { ProactiveDisclosure2019, ProactiveDisclosure2021 } from './proactive-disclosure.js'
import { define } from './registry.js'
import { ReviewsAndLawsuits } from './reviews-and-lawsuits.js'

/** The template generations, each with the document that published it. */
export const TEMPLATES = {
  '2021': { document: '国办公开办函〔2021〕30号', dated: '2021-09-26', years: 'from 2021', fromYear: 2021, toYear: undefined },
  '2019': { document: '国办公开办函〔2019〕60号', dated: '2019-11-23', years: '2019 and 2020', fromYear: 2019, toYear: 2020 },
} as const
export type TemplateGeneration = keyof typeof TEMPLATES

function report<V extends TemplateGeneration, D extends TObject, A extends TObject>(
  name: string,
  template: V,
  proactiveDisclosure: D,
  applications: A,
) {
  const { document, years } = TEMPLATES[template]
  return define(
    name,
    Type.Object(
      {
        $schema: Type.Optional(
          Type.String({
            maxLength: 2000,
            title: '数据格式',
            description: 'Optional URL of the JSON Schema this document follows (for editors); ignored by validation.',
          }),
        ),
        template: Type.Literal(template, {
          title: '年度报告格式',
          description: `Template generation: "${template}" is the format of ${document}, used for report years ${years}.`,
        }),
        meta: ReportMeta,
        overview: Overview,
        proactiveDisclosure,
        applications,
        reviewsAndLawsuits: ReviewsAndLawsuits,
        problemsAndImprovements: ProblemsAndImprovements,
        otherMatters: OtherMatters,
      },
      {
        additionalProperties: false,
        title: `政府信息公开工作年度报告（${template}年格式）`,
        description: `An annual report on government information disclosure in the ${template} template (${document}).`,
      },
    ),
  )
}

export const Report2021 = report('Report2021', '2021', ProactiveDisclosure2021, Applications2021)
export const Report2019 = report('Report2019', '2019', ProactiveDisclosure2019, Applications2019)

export const Report = Type.Union([Report2021, Report2019], {
  title: '政府信息公开工作年度报告',
  description: 'An annual report on government information disclosure, in either template generation (see `template`).',
})

export type Report2021 = Type.Static<typeof Report2021>
export type Report2019 = Type.Static<typeof Report2019>
export type Report = Type.Static<typeof Report>
