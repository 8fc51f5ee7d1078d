/**
 * Section 三、收到和处理政府信息公开申请情况: the applicant × outcome matrix. Every row is an `ApplicantCounts`
 * object of seven columns; 总计 is stored as reported, never recomputed, so that a wrong total can be found.
 */
import Type, { type TObject, type TSchema } from 'typebox'
import { count, notes } from './common.js'
import { define, labelled } from './registry.js'

const LEGAL = 'An applicant that is a legal person or other organization (法人或其他组织)'

export const ApplicantCounts = define(
  'ApplicantCounts',
  Type.Object(
    {
      naturalPerson: count('自然人', 'Applications from natural persons.'),
      commercialEnterprise: count('商业企业', `${LEGAL}: commercial enterprise.`),
      researchInstitution: count('科研机构', `${LEGAL}: research institution.`),
      publicInterestOrganization: count('社会公益组织', `${LEGAL}: social public-interest organization.`),
      legalServiceProvider: count('法律服务机构', `${LEGAL}: legal service provider.`),
      otherOrganization: count('其他', `${LEGAL}: any other kind.`),
      total: count('总计', 'The row total as printed in the report (not recomputed).'),
    },
    {
      additionalProperties: false,
      title: '申请人情况',
      description: 'One row of the matrix: a count per kind of applicant, and the printed total.',
    },
  ),
)

const row = (title: string, description: string) => labelled(ApplicantCounts, title, description)

const Withheld = define(
  'Withheld',
  Type.Object(
    {
      stateSecret: row('1.属于国家秘密', 'The information is a state secret.'),
      prohibitedByLaw: row('2.其他法律行政法规禁止公开', 'Other laws or administrative regulations prohibit disclosure.'),
      endangersSecurityOrStability: row(
        '3.危及“三安全一稳定”',
        'Disclosure would endanger national, public or economic security or social stability.',
      ),
      thirdPartyRights: row('4.保护第三方合法权益', 'Withheld to protect the lawful rights of a third party.'),
      internalAffairs: row('5.属于三类内部事务信息', 'One of the three kinds of internal-affairs information.'),
      processInformation: row('6.属于四类过程性信息', 'One of the four kinds of process information.'),
      enforcementCaseFile: row('7.属于行政执法案卷', 'Part of an administrative enforcement case file.'),
      administrativeQuery: row('8.属于行政查询事项', 'A matter for administrative enquiry, not disclosure.'),
    },
    { additionalProperties: false, title: '（三）不予公开', description: 'Requests refused, by ground (eight rows).' },
  ),
)

const UnableToProvide = define(
  'UnableToProvide',
  Type.Object(
    {
      notHeld: row('1.本机关不掌握相关政府信息', 'The agency does not hold the information.'),
      requiresCreation: row('2.没有现成信息需要另行制作', 'The information does not exist and would have to be made.'),
      unclearAfterCorrection: row('3.补正后申请内容仍不明确', 'The request stayed unclear after correction.'),
    },
    { additionalProperties: false, title: '（四）无法提供', description: 'Requests that cannot be met, by reason (three rows).' },
  ),
)

const NotProcessed = define(
  'NotProcessed',
  Type.Object(
    {
      complaintOrPetition: row('1.信访举报投诉类申请', 'Petitions, reports or complaints filed as requests.'),
      repeatedRequest: row('2.重复申请', 'Repeated requests.'),
      publication: row('3.要求提供公开出版物', 'Requests for published material.'),
      massRepeatedRequests: row('4.无正当理由大量反复申请', 'Large numbers of repeated requests without good reason.'),
      confirmationOfObtained: row(
        '5.要求行政机关确认或重新出具已获取信息',
        'Requests to confirm or re-issue information already obtained.',
      ),
    },
    { additionalProperties: false, title: '（五）不予处理', description: 'Requests not processed, by reason (five rows).' },
  ),
)

const OtherHandling2021 = define(
  'OtherHandling2021',
  Type.Object(
    {
      noCorrectionInTime: row(
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        'The applicant did not correct the request in time without good reason.',
      ),
      feeNotPaid: row(
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        'The applicant did not pay the information processing fee by the deadline of the fee notice.',
      ),
      other: row('3.其他', 'Any other handling (e.g. the applicant withdrew).'),
    },
    { additionalProperties: false, title: '（六）其他处理', description: 'Other handling, by reason (three rows, 2021 template).' },
  ),
)

/** Outcome rows common to both templates, in template order up to （五）. */
const commonOutcomes = {
  disclosed: row('（一）予以公开', 'Information disclosed in full.'),
  partiallyDisclosed: row(
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    'Information partly disclosed; a request handled by separation counts here only.',
  ),
  withheld: Withheld,
  unableToProvide: UnableToProvide,
  notProcessed: NotProcessed,
}

const outcomeTotal = row('（七）总计', 'All outcomes of the year, as printed (not recomputed).')

function outcomes<T extends TSchema>(name: string, otherHandling: T, template: string) {
  return define(
    name,
    Type.Object(
      { ...commonOutcomes, otherHandling, total: outcomeTotal },
      {
        additionalProperties: false,
        title: '三、本年度办理结果',
        description: `Outcomes of the requests handled during the year (${template} template).`,
      },
    ),
  )
}

/**
 * （六）其他处理 in the 2021 template: its three rows, or, where the report printed it as one row (as some office
 * suites' templates do), that one row as printed. The three are never invented from the one (schema 1.1).
 */
const OtherHandlingAsPrinted2021 = Type.Union(
  [
    OtherHandling2021,
    row('（六）其他处理', 'Other handling printed as one row, as some reports in the 2021 template do (not split into its three rows).'),
  ],
  // `type` beside the alternatives for form generators, which pick a field by it (schema 1.1).
  { type: 'object', title: '（六）其他处理', description: 'Other handling: the three rows of the 2021 template, or the one row the report printed instead.' },
)

export const Outcomes2021 = outcomes('Outcomes2021', OtherHandlingAsPrinted2021, '2021')
export const Outcomes2019 = outcomes(
  'Outcomes2019',
  row('（六）其他处理', 'Other handling (a single row in the 2019 template).'),
  '2019',
)

function matrix<T extends TObject>(name: string, outcomesDef: T, template: string) {
  return define(
    name,
    Type.Object(
      {
        newlyReceived: row('一、本年新收政府信息公开申请数量', 'Requests received during the year.'),
        carriedOverFromLastYear: row(
          '二、上年结转政府信息公开申请数量',
          'Requests carried over from the previous year (its 四、结转下年度继续办理).',
        ),
        outcomes: outcomesDef,
        carriedOverToNextYear: row('四、结转下年度继续办理', 'Requests still being handled, carried over to next year.'),
        notes: notes(),
      },
      {
        additionalProperties: false,
        title: '三、收到和处理政府信息公开申请情况',
        description: `Section 三: the applicant × outcome matrix (${template} template).`,
      },
    ),
  )
}

export const Applications2021 = matrix('Applications2021', Outcomes2021, '2021')
export const Applications2019 = matrix('Applications2019', Outcomes2019, '2019')
