"""
A second implementation of the consistency rules, in Python, from schema/rules.json alone: proof that a system in
another language can apply the same rules without this package's code. Prints one JSON line per finding:
{"report": i, "ruleId", "severity", "pointer", "actual", "expected"}.

Usage: python3 zfxxgk_rules.py RULES.json REPORTS.ndjson [--series] [--claims CLAIMS.json]
Without --series every line is one report (single-report rules); with it, all lines form one series. With --claims,
the claims of the texts are checked too, from schema/claims.json (zfxxgk_claims.py).
"""
import json
import re
import sys


def decode(part):
    return part.replace("~1", "/").replace("~0", "~")


def value_at(doc, pointer):
    node = doc
    for part in pointer.split("/")[1:]:
        part = decode(part)
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def number_at(doc, pointer):
    value = value_at(doc, pointer)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        return None
    return value


def sum_at(doc, pointers):
    total = 0
    for pointer in pointers:
        value = number_at(doc, pointer)
        if value is None:
            return None
        total += value
    return total


def strings_at(doc, pointer):
    """Every string a text pointer reaches ("*" = every array element; arrays of strings taken whole)."""
    nodes = [doc]
    for part in pointer.split("/")[1:]:
        nxt = []
        for node in nodes:
            if part == "*" and isinstance(node, list):
                nxt.extend(node)
            elif isinstance(node, dict) and decode(part) in node:
                nxt.append(node[decode(part)])
        nodes = nxt
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, list):
            out.extend(x for x in node if isinstance(x, str))
    return out


def text(doc, pointers):
    return "\n".join(s for p in pointers for s in strings_at(doc, p))


def applies(templates, template):
    return templates is None or template in templates


def rounded(n):
    return round(n * 1e6) / 1e6


def bigram_similarity(a, b):
    def grams(t):
        chars = list(re.sub(r"\s+", "", t))
        counts = {}
        for i in range(len(chars) - 1):
            g = chars[i] + chars[i + 1]
            counts[g] = counts.get(g, 0) + 1
        return counts
    x, y = grams(a), grams(b)
    size = sum(x.values()) + sum(y.values())
    if size == 0:
        return 1 if re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) else 0
    shared = sum(min(c, x.get(g, 0)) for g, c in y.items())
    return 2 * shared / size


def numeral_value(text, numerals):
    """A captured number as rules.json's `numerals` says it is read (the same reading as src/rules/numerals.ts)."""
    digits, units = numerals["digits"], numerals["units"]
    if text == "" or len(text) > 20 or not all(c in digits or c in units for c in text):
        return None
    if all(c in digits for c in text):
        if not all(c in "0123456789０１２３４５６７８９" for c in text):
            return digits[text] if len(text) == 1 else None
        value = 0
        for c in text:
            value = value * 10 + digits[c]
        return value
    total, section, digit, last_unit, zero, digit_after_zero = 0, 0, None, float("inf"), False, False
    for c in text:
        if c in digits:
            value = digits[c]
            if value == 0:
                if zero or digit is not None:
                    return None
                zero = True
                continue
            if digit is not None:
                return None
            digit, digit_after_zero, zero = value, zero, False
            continue
        unit = units[c]
        if unit >= 10000:
            if total != 0 or (section == 0 and digit is None):
                return None
            total, section, digit, last_unit, zero = (section + (digit or 0)) * unit, 0, None, float("inf"), False
            continue
        if unit >= last_unit or (digit is None and not (unit == 10 and section == 0)):
            return None
        section += (1 if digit is None else digit) * unit
        digit, last_unit, zero = None, unit, False
    if zero and digit is None:
        return None
    if digit is not None and last_unit != float("inf") and last_unit > 10 and not digit_after_zero:
        return None
    if digit is not None and total != 0 and last_unit == float("inf") and not digit_after_zero:
        return None
    return total + section + (digit or 0)


def check_report(rules, report, index, out, numerals=None):
    template = report.get("template") if isinstance(report, dict) else None
    if template not in ("2021", "2019"):
        return
    def emit(rule, pointer, actual=None, expected=None):
        out.append({"report": index, "ruleId": rule["id"], "severity": rule["severity"], "pointer": pointer, "actual": actual, "expected": expected})
    for rule in rules:
        kind = rule["kind"]
        for check in rule["checks"]:
            if kind == "template-year":
                year = number_at(report, "/meta/year")
                if check["template"] != template or year is None:
                    continue
                if year < check["fromYear"] or ("toYear" in check and year > check["toYear"]):
                    emit(rule, "/template", year, "%d–%s" % (check["fromYear"], check.get("toYear", "")))
                continue
            if kind.startswith("series-") or not applies(check.get("templates"), template):
                continue
            if kind == "sum":
                actual, expected = sum_at(report, check["left"]), sum_at(report, check["right"])
                if actual is not None and expected is not None and rounded(actual - expected) != 0:
                    emit(rule, check["left"][0], actual, expected)
            elif kind == "text-max-length":
                body = text(report, check["texts"])
                length = len(re.sub(r"\s", "", body))
                if length > check["maxChars"]:
                    emit(rule, check["texts"][0], length, check["maxChars"])
            elif kind == "text-mentions":
                if "orPresent" in check and value_at(report, check["orPresent"]) is not None:
                    continue
                # The texts' sections not read at all: the rule did not run (no warning).
                if all(value_at(report, "/" + p.split("/")[1]) is None for p in check["texts"]):
                    continue
                if not any(k in text(report, check["texts"]) for k in check["keywords"]):
                    emit(rule, check["texts"][0])
            elif kind == "text-implies-zero":
                cells = [(c, number_at(report, c)) for c in check["cells"]]
                if all(v in (None, 0) for _, v in cells):
                    continue
                body = text(report, check["texts"])
                if any(re.search(p, body) for p in check["patterns"]):
                    for cell, value in cells:
                        if value not in (None, 0):
                            emit(rule, cell, value, 0)
            elif kind == "text-number":
                body = text(report, check["texts"])
                seen = set()
                for pattern in check["patterns"]:
                    for match in re.finditer(pattern, body):
                        if match.start() in seen:
                            continue
                        seen.add(match.start())
                        number = numeral_value(match.group(1), numerals)
                        if number is None:
                            continue
                        sums = [sum_at(report, r) for r in check["readings"]]
                        if any(s is None or s == number for s in sums):
                            continue
                        emit(rule, check["readings"][0][0], number, " / ".join(str(s) for s in sums))


def check_series(rules, reports, out):
    def emit(rule, index, pointer, actual=None, expected=None):
        out.append({"report": index, "ruleId": rule["id"], "severity": rule["severity"], "pointer": pointer, "actual": actual, "expected": expected})
    for rule in rules:
        for check in rule["checks"]:
            if rule["kind"] == "series-distinct":
                seen = {}
                for i, r in enumerate(reports):
                    v = value_at(r, check["pointer"])
                    if v is None:
                        continue
                    key = json.dumps(v)
                    if key in seen:
                        emit(rule, i, check["pointer"], v)
                    seen[key] = True
            elif rule["kind"] == "series-same":
                values = []
                for r in reports:
                    v = value_at(r, check["pointer"])
                    if v is not None and v not in values:
                        values.append(v)
                if len(values) > 1:
                    emit(rule, None, check["pointer"], " / ".join(str(v) for v in values))
    by_year = {}
    for i, r in enumerate(reports):
        year = number_at(r, "/meta/year")
        if year is not None and isinstance(r, dict) and r.get("template") in ("2021", "2019"):
            by_year.setdefault(year, []).append(i)
    for year in sorted(by_year):
        if len(by_year[year]) != 1 or len(by_year.get(year - 1, [])) != 1:
            continue
        li, ei = by_year[year][0], by_year[year - 1][0]
        later, earlier = reports[li], reports[ei]
        for rule in rules:
            for check in rule["checks"]:
                if not rule["kind"].startswith("series-") or rule["kind"] in ("series-distinct", "series-same"):
                    continue
                if not applies(check.get("templates"), later["template"]) or not applies(check.get("previousTemplates"), earlier["template"]):
                    continue
                if rule["kind"] == "series-equal":
                    actual, expected = number_at(later, check["current"]), number_at(earlier, check["previous"])
                    if actual is not None and expected is not None and actual != expected:
                        emit(rule, li, check["current"], actual, expected)
                elif rule["kind"] == "series-balance":
                    actual, before = number_at(later, check["current"]), number_at(earlier, check["previous"])
                    plus, minus = sum_at(later, check["plus"]), sum_at(later, check["minus"])
                    if None not in (actual, before, plus, minus) and actual != before + plus - minus:
                        emit(rule, li, check["current"], actual, before + plus - minus)
                elif rule["kind"] == "series-text-similarity":
                    a, b = text(later, check["texts"]), text(earlier, check["texts"])
                    if a.strip() and b.strip():
                        s = rounded(bigram_similarity(a, b))
                        if s > check["maxSimilarity"]:
                            emit(rule, li, check["texts"][0], s, check["maxSimilarity"])


def check_series_claims(reports, claims, out):
    """The claims of year N about year N−1, for each year with exactly one report and one report the year before."""
    import zfxxgk_claims
    by_year = {}
    for i, report in enumerate(reports):
        year = number_at(report, "/meta/year") if isinstance(report, dict) else None
        if year is None or report.get("template") not in ("2021", "2019"):
            continue
        by_year.setdefault(year, []).append(i)
    for year in sorted(by_year):
        later, earlier = by_year[year], by_year.get(year - 1)
        if len(later) != 1 or earlier is None or len(earlier) != 1:
            continue
        l, e = reports[later[0]], reports[earlier[0]]
        zfxxgk_claims.check_claim_changes(l, l["template"], e, e["template"], later[0], claims, out)


def main():
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    rules = document["rules"]
    numerals = document["numerals"]
    reports = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
    out = []
    claims = None
    if "--claims" in sys.argv:
        import zfxxgk_claims
        claims = zfxxgk_claims.Vocabulary(json.load(open(sys.argv[sys.argv.index("--claims") + 1], encoding="utf-8")))
    if "--series" in sys.argv:
        check_series(rules, reports, out)
        if claims is not None:
            check_series_claims(reports, claims, out)
    else:
        for i, report in enumerate(reports):
            check_report(rules, report, i, out, numerals)
            template = report.get("template") if isinstance(report, dict) else None
            if claims is not None and template in ("2021", "2019"):
                zfxxgk_claims.check_claims(report, template, claims, i, out)
    for finding in out:
        print(json.dumps(finding, ensure_ascii=False))


if __name__ == "__main__":
    main()
