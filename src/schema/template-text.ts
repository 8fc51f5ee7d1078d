/** Template header text that labels no field (it names no field, so it is no schema title): written here, once. */
export const TEMPLATE_TEXT = {
  itemContent: '信息内容',
  balanceNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  legalPersons: '法人或其他组织',
} as const

/** Which of those words each table section prints in its header. */
export const TEMPLATE_TEXT_OF: Record<string, readonly string[]> = {
  '/proactiveDisclosure': [TEMPLATE_TEXT.itemContent],
  '/applications': [TEMPLATE_TEXT.balanceNote, TEMPLATE_TEXT.legalPersons],
  '/reviewsAndLawsuits': [],
}
