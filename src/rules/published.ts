/** The rules file as published in schema/rules.json (generated from the catalog; never edited by hand). */
import rules from '../../schema/rules.json' with { type: 'json' }
import type { RulesFile } from '../../generated/rules.js'

export const publishedRules = rules as unknown as RulesFile
