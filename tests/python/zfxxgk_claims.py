"""
A second implementation of the claims of the narrative, in Python, from schema/claims.json alone (the reading that
src/claims/read.ts describes, and the check of src/claims/check.ts): proof that another language can read the
claims of a report's texts and check them against its tables with the published vocabulary only.

Usage:
  python3 zfxxgk_claims.py read CLAIMS.json CORPUS.json   one JSON line per sentence: the claims read from it
  (checking runs from zfxxgk_rules.py --claims CLAIMS.json)
"""
import json
import re
import sys

from zfxxgk_rules import number_at, numeral_value, value_at

EPSILON = 1e-9
MAX_READINGS = 64


def number_value(written, numerals):
    """A number as written: digits (grouped by commas, a decimal part too) or a Chinese numeral."""
    ascii_ = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in written)
    grouped = ascii_.replace(",", "") if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", ascii_) else ascii_
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", grouped) and (grouped != ascii_ or "." in grouped):
        value = float(grouped)
        return int(value) if value.is_integer() else value
    return numeral_value(written, numerals)


class Vocabulary:
    def __init__(self, v):
        def any_(sources):
            return re.compile("|".join("(?:%s)" % s for s in sources))

        self.v = v
        self.sentence_ends = re.compile(v["sentenceEnds"])
        self.clause_ends = re.compile(v["clauseEnds"])
        self.quantity = re.compile(v["quantity"])
        self.change = re.compile(v["change"])
        self.increase = re.compile(v["increase"])
        self.unchanged = re.compile(v["unchanged"])
        self.coordinators = re.compile(v["coordinators"])
        self.respectively = re.compile(v["respectively"])
        self.each = re.compile(v["each"])
        self.negation = re.compile(v["negation"])
        self.titles = re.compile(v["titles"])
        self.periods = re.compile(v["periods"])
        self.hedges = re.compile(v["hedges"])
        self.all = re.compile(v["all"])
        self.max_gap = v["maxGap"]
        self.max_sentence = v["maxSentence"]
        self.numerals = v["numerals"]
        self.terms = []
        for term in v["terms"]:
            self.terms.append({
                "term": term,
                "phrases": any_(term["phrases"]),
                "negated": any_(term["negatedPhrases"]) if "negatedPhrases" in term else None,
                "requires": re.compile(term["requires"]) if "requires" in term else None,
                "excludes": re.compile(term["excludes"]) if "excludes" in term else None,
                "units": re.compile("^(?:%s)$" % term["units"]),
            })
        self.by_id = {t["term"]["id"]: t for t in self.terms}
        self.predicates = [{"id": p["id"], "phrases": any_(p["phrases"]), "scopes": [s["term"] for s in p["scopes"]]} for p in v["predicates"]]
        self.columns = [{"phrase": re.compile(c["phrase"]), "columns": c["columns"]} for c in v["columns"]]


def split(text, start, end, ends):
    spans = []
    at = start
    for m in ends.finditer(text[start:end]):
        if m.group(0) == "":
            continue
        if start + m.start() > at:
            spans.append((at, start + m.start()))
        at = start + m.end()
    if end > at:
        spans.append((at, end))
    return spans


def found(regex, body):
    return [m for m in regex.finditer(body) if m.group(0) != ""]


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def inside(outer, inner):
    return outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def quantity_of(m, offset, numerals):
    first = number_value(m.group(1), numerals)
    if first is None or m.group(5) is not None:
        return None
    q = {"start": offset + m.start(), "end": offset + m.end(), "unit": m.group(4), "written": m.group(0)}
    if m.group(2) is not None:
        last = number_value(m.group(2), numerals)
        if last is None or last < first or m.group(3) is not None or m.group(6) is not None:
            return None
        q["min"], q["max"] = first, last
    elif m.group(3) is not None:
        if first <= 0 or not float(first).is_integer() or m.group(6) is not None:
            return None
        step = 1
        while first % (step * 10) == 0:
            step *= 10
        q.update({"min": first, "minExclusive": True, "max": first + step, "maxExclusive": True})
    elif m.group(6) is not None:
        q["min"] = first
    else:
        q["value"] = first
    return q


def claim_of(terms, q, sentence, start, columns=None):
    claim = {"kind": "quantity", "terms": [t["id"] for t in terms], "sentence": sentence, "start": start, "end": q["end"], "written": q["written"]}
    if columns is not None:
        claim["columns"] = columns
    for key in ("value", "min", "max", "minExclusive", "maxExclusive"):
        if key in q:
            claim[key] = q[key]
    return claim


def read_claims(text, c):
    out = []
    for s_start, s_end in split(text, 0, len(text), c.sentence_ends):
        if s_end - s_start > c.max_sentence:
            continue
        sentence = {"start": s_start, "end": s_end}
        sentence_text = text[s_start:s_end]
        sentence_claims = []
        mentioned = []
        first_of_sentence = len(out)
        covered = []
        in_context = [t["requires"] is None or t["requires"].search(sentence_text if t["excludes"] is None else t["excludes"].sub(" ", sentence_text)) is not None for t in c.terms]
        for cl_start, cl_end in split(text, s_start, s_end, c.clause_ends):
            body = text[cl_start:cl_end]
            at = cl_start
            changes = []
            for m in found(c.change, body):
                amount = number_value(m.group(2), c.numerals)
                if amount is None:
                    continue
                percent = m.group(3) in ("%", "％")
                decimals = len(m.group(2).split(".")[1]) if "." in m.group(2) else 0
                changes.append({"start": at + m.start(), "end": at + m.end(), "unit": None if percent else m.group(3),
                                "change": {"increase": c.increase.search(m.group(1)) is not None, "amount": amount, "percent": percent, "decimals": decimals, "written": m.group(0)}})
            for m in found(c.unchanged, body):
                span = {"start": at + m.start(), "end": at + m.end()}
                if not any(overlaps(ch, span) for ch in changes):
                    changes.append(dict(span, unit=None, change={"increase": False, "amount": 0, "percent": False, "same": True, "decimals": 0, "written": m.group(0)}))
            quantities = []
            for m in found(c.quantity, body):
                q = quantity_of(m, at, c.numerals)
                if q is None or any(overlaps(ch, q) for ch in changes):
                    continue
                if c.hedges.search(text[max(cl_start, q["start"] - 4):q["start"]]):
                    q["hedged"] = True
                quantities.append(q)
            candidates = []
            for order, t in enumerate(c.terms):
                term = t["term"]
                if not in_context[order]:
                    continue
                if t["excludes"] is not None and t["excludes"].search(body):
                    continue
                for m in found(t["phrases"], body):
                    candidates.append({"start": at + m.start(), "end": at + m.end(), "id": term["id"], "columnar": term.get("columnar") is True, "units": t["units"], "order": order, "negatedOnly": False})
                if t["negated"] is not None:
                    for m in found(t["negated"], body):
                        candidates.append({"start": at + m.start(), "end": at + m.end(), "id": term["id"], "columnar": False, "units": t["units"], "order": order, "negatedOnly": True})
            titles = [{"start": at + m.start(), "end": at + m.end()} for m in found(c.titles, body)]
            candidates.sort(key=lambda x: (-(x["end"] - x["start"]), x["start"], x["order"]))
            terms = []
            for cand in candidates:
                if any(overlaps(t, cand) for t in terms) or any(inside(t, cand) for t in titles) or any(overlaps(q, cand) for q in quantities) or any(overlaps(ch, cand) for ch in changes):
                    continue
                terms.append(cand)
            terms.sort(key=lambda x: x["start"])
            covered.extend(terms)
            covered.extend(changes)
            negated_only = [t for t in terms if t["negatedOnly"]]
            terms = [t for t in terms if not t["negatedOnly"]]
            negations = [n for n in ({"start": at + m.start(), "end": at + m.end()} for m in found(c.negation, body))
                         if not any(overlaps(t, n) for t in terms) and not any(inside(t, n) for t in titles)]
            column_matches = []
            for col in c.columns:
                for m in found(col["phrase"], body):
                    span = {"start": at + m.start(), "end": at + m.end(), "columns": col["columns"]}
                    if not any(overlaps(t, span) for t in terms) and not any(overlaps(o, span) for o in column_matches):
                        column_matches.append(span)

            def gap(a, b):
                return text[a:b]

            def run_ending_at(index, floor):
                run = [terms[index]]
                i = index - 1
                while i >= 0 and terms[i]["start"] >= floor:
                    if not c.coordinators.search(gap(terms[i]["end"], run[0]["start"])):
                        break
                    run.insert(0, terms[i])
                    i -= 1
                return run

            def run_starting_at(index):
                run = [terms[index]]
                for i in range(index + 1, len(terms)):
                    if not c.coordinators.search(gap(run[-1]["end"], terms[i]["start"])):
                        break
                    run.append(terms[i])
                return run

            def first_column(pred):
                return next((m for m in column_matches if pred(m)), None)

            previous = cl_start
            qi = 0
            while qi < len(quantities):
                q = quantities[qi]
                floor = previous
                previous = q["end"]
                if q.get("hedged"):
                    qi += 1
                    continue
                last_index = -1
                for i, t in enumerate(terms):
                    if t["start"] >= floor and t["end"] <= q["start"]:
                        last_index = i
                column = first_column(lambda m: m["start"] >= floor and m["end"] <= q["start"])
                if last_index < 0:
                    context = next((cl for cl in reversed(sentence_claims) if cl["kind"] == "quantity" and "columns" not in cl), None)
                    if column is not None and context is not None and len(context["terms"]) == 1 and c.by_id.get(context["terms"][0], {}).get("term", {}).get("columnar") is True:
                        if c.by_id[context["terms"][0]]["units"].search(q["unit"]):
                            claim = claim_of([], q, sentence, column["start"], column["columns"])
                            claim["terms"] = list(context["terms"])
                            out.append(claim)
                            sentence_claims.append(claim)
                        qi += 1
                        continue
                    nxt = next((i for i, t in enumerate(terms) if t["start"] >= q["end"]), -1)
                    if column is None and nxt >= 0 and re.fullmatch(r"[ \t]{0,2}", gap(q["end"], terms[nxt]["start"])) and (qi + 1 >= len(quantities) or quantities[qi + 1]["start"] >= terms[nxt]["end"]):
                        run = run_starting_at(nxt)
                        if all(t["units"].search(q["unit"]) for t in run):
                            claim = claim_of(run, q, sentence, q["start"])
                            claim["end"] = run[-1]["end"]
                            previous = claim["end"]
                            out.append(claim)
                            sentence_claims.append(claim)
                    qi += 1
                    continue
                group = run_ending_at(last_index, floor)
                between = gap(group[-1]["end"], q["start"])
                if len(between) > c.max_gap or any(n["start"] >= floor and n["end"] <= group[0]["start"] and group[0]["start"] - n["end"] <= c.max_gap for n in negations):
                    qi += 1
                    continue
                columns = column["columns"] if column is not None and all(t["columnar"] for t in group) else None
                if c.respectively.search(between) and len(group) > 1:
                    paired = [q]
                    j = qi + 1
                    while j < len(quantities) and len(paired) < len(group):
                        if not c.coordinators.search(gap(paired[-1]["end"], quantities[j]["start"])):
                            break
                        paired.append(quantities[j])
                        j += 1
                    if len(paired) != len(group):
                        qi += 1
                        continue
                    qi += len(paired) - 1
                    previous = paired[-1]["end"]
                    for i, pq in enumerate(paired):
                        if group[i]["units"].search(pq["unit"]):
                            claim = claim_of([group[i]], pq, sentence, group[i]["start"], columns)
                            out.append(claim)
                            sentence_claims.append(claim)
                    qi += 1
                    continue
                if not all(t["units"].search(q["unit"]) for t in group):
                    qi += 1
                    continue
                if c.each.search(between) and len(group) > 1:
                    for t in group:
                        claim = claim_of([t], q, sentence, t["start"], columns)
                        out.append(claim)
                        sentence_claims.append(claim)
                    qi += 1
                    continue
                claim = claim_of(group, q, sentence, group[0]["start"], columns)
                out.append(claim)
                sentence_claims.append(claim)
                qi += 1

            negated_up_to = cl_start
            for n in negations:
                if n["start"] < negated_up_to or any(q["start"] >= n["end"] for q in quantities):
                    continue
                first = next((i for i, t in enumerate(terms) if t["start"] >= n["end"]), -1)
                noun = next((t for t in negated_only if t["start"] >= n["end"] and t["start"] - n["end"] <= c.max_gap and (first < 0 or t["start"] < terms[first]["start"])), None)
                if noun is not None:
                    negated_up_to = noun["end"]
                    out.append({"kind": "zero", "terms": [noun["id"]], "sentence": sentence, "start": n["start"], "end": noun["end"]})
                    continue
                if first < 0 or terms[first]["start"] - n["end"] > c.max_gap:
                    continue
                run = run_starting_at(first)
                negated_up_to = run[-1]["end"]
                for t in run:
                    out.append({"kind": "zero", "terms": [t["id"]], "sentence": sentence, "start": n["start"], "end": t["end"]})

            predicate_spans = []
            for p in c.predicates:
                for m in found(p["phrases"], body):
                    start, end = at + m.start(), at + m.end()
                    if any(q["start"] >= end and q["start"] - end <= 2 for q in quantities):
                        continue
                    predicate_spans.append({"start": start, "end": end})
                    before = mentioned + [t["id"] for t in terms if t["end"] <= start]
                    about = []
                    for tid in before:
                        if tid in p["scopes"] and tid not in about:
                            about.append(tid)
                    for tid in about:
                        out.append({"kind": "predicate", "predicate": p["id"], "terms": [tid], "sentence": sentence, "start": start, "end": end})
            mentioned.extend(t["id"] for t in terms)

            for m in found(c.all, body):
                span = {"start": at + m.start(), "end": at + m.end()}
                if any(overlaps(p, span) for p in predicate_spans) or any(overlaps(t, span) for t in terms) or any(q["start"] >= span["end"] for q in quantities):
                    continue
                context = next((cl for cl in reversed(sentence_claims) if cl["kind"] == "quantity" and cl["end"] <= span["start"] and ("value" in cl or "min" in cl)), None)
                if context is None:
                    continue
                nxt = next((i for i, t in enumerate(terms) if t["start"] >= span["end"]), -1)
                column = first_column(lambda col: col["start"] >= span["end"] and col["start"] - span["end"] <= 2)

                def copy(ids, start, end, columns):
                    claim = {k: v for k, v in context.items() if k not in ("change", "columns")}
                    claim.update({"terms": ids, "start": start, "end": end, "sentence": sentence})
                    if columns is not None:
                        claim["columns"] = columns
                    return claim

                if nxt >= 0 and terms[nxt]["start"] - span["end"] <= 2 and (column is None or column["start"] > terms[nxt]["start"]):
                    run = run_starting_at(nxt)
                    out.append(copy([t["id"] for t in run], span["start"], run[-1]["end"], context.get("columns")))
                elif column is not None and "columns" not in context and all(c.by_id.get(i, {}).get("term", {}).get("columnar") is True for i in context["terms"]):
                    out.append(copy(list(context["terms"]), span["start"], column["end"], column["columns"]))

            for ch in changes:
                claim = next((cl for cl in reversed(sentence_claims) if cl["end"] <= ch["start"]), None)
                if claim is not None:
                    if "change" not in claim:
                        claim["change"] = ch["change"]
                    continue
                last_index = -1
                for i, t in enumerate(terms):
                    if t["end"] <= ch["start"]:
                        last_index = i
                if last_index < 0 or ch["start"] - terms[last_index]["end"] > c.max_gap:
                    continue
                group = run_ending_at(last_index, cl_start)
                if any(n["end"] <= group[0]["start"] and group[0]["start"] - n["end"] <= c.max_gap for n in negations):
                    continue
                if ch["unit"] is not None and not all(t["units"].search(ch["unit"]) for t in group):
                    continue
                claim = {"kind": "quantity", "terms": [t["id"] for t in group], "change": ch["change"], "sentence": sentence, "start": group[0]["start"], "end": ch["end"]}
                out.append(claim)
                sentence_claims.append(claim)
        periods = [p for p in ({"start": s_start + m.start(), "end": s_start + m.end(), "year": m.group(1), "thisYear": m.group(2) is not None} for m in found(c.periods, sentence_text))
                   if not any(overlaps(span, p) for span in covered)]
        kept = None if not periods else []
        for claim in (out[first_of_sentence:] if kept is not None else []):
            before = [p for p in periods if p["end"] <= claim["start"]]
            if not before:
                kept.append(claim)
                continue
            period = before[-1]
            if period["thisYear"]:
                named = [p["year"] for p in before if p["year"] is not None]
                year = named[-1] if named else None
            else:
                year = period["year"]
            if year is not None:
                claim["year"] = int(year)
            if year is not None or period["thisYear"]:
                kept.append(claim)
        if kept is not None:
            out[first_of_sentence:] = kept
        seen = set()
        firsts = []
        for claim in out[first_of_sentence:]:
            if claim["kind"] == "quantity" and "value" in claim:
                key = json.dumps([claim["terms"], claim.get("columns"), claim.get("year")])
                if key in seen:
                    continue
                seen.add(key)
            firsts.append(claim)
        out[first_of_sentence:] = firsts
    out.sort(key=lambda x: x["start"])
    return out


# ---- checking against the tables -------------------------------------------------------------------------------

def encode(part):
    return str(part).replace("~", "~0").replace("/", "~1")


def placed_texts(report, vocabulary):
    out = []

    def walk(node, path, i, at):
        if i == len(path):
            if isinstance(node, str):
                out.append(("/" + "/".join(encode(p) for p in at), node))
            elif isinstance(node, list):
                for k, element in enumerate(node):
                    if isinstance(element, str):
                        out.append(("/" + "/".join(encode(p) for p in at + [k]), element))
            return
        if not isinstance(node, (dict, list)):
            return
        key = path[i]
        if key == "*" and isinstance(node, list):
            for k, element in enumerate(node):
                walk(element, path, i + 1, at + [k])
            return
        if not isinstance(node, dict) or key not in node:
            return
        walk(node[key], path, i + 1, at + [key])

    for pointer in vocabulary["texts"]:
        walk(report, [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]], 0, [])
    return out


def claims_of(report, c):
    return [dict(claim, pointer=pointer, text=text) for pointer, text in placed_texts(report, c.v) for claim in read_claims(text, c)]


def cell_value(report, pointer):
    """A cell as a claim reads it: a finite number; `false` (nothing charged) is 0; anything else is unavailable."""
    return 0 if value_at(report, pointer) is False else number_at(report, pointer)


def readings_of(claim, template, c):
    combined = [[]]
    for tid in claim["terms"]:
        t = c.by_id.get(tid)
        if t is None:
            return []
        own = []
        for r in t["term"]["readings"]:
            if "templates" in r and template not in r["templates"]:
                continue
            cells = r["cells"]
            if "columns" in claim:
                cells = [re.sub(r"/total$", "/" + column, cell) for cell in cells for column in claim["columns"]]
            own.append(cells)
        combined = [cells + more for cells in combined for more in own][:MAX_READINGS]
    return [cells for cells in combined if cells]


def evaluate(report, cells):
    total = 0
    for cell in cells:
        v = cell_value(report, cell)
        if v is None:
            return None
        total += v
    return total


def holds(claim, value):
    if claim["kind"] != "quantity":
        return abs(value) < EPSILON
    if "value" in claim:
        return abs(value - claim["value"]) < EPSILON
    if "min" in claim and (value <= claim["min"] if claim.get("minExclusive") else value < claim["min"] - EPSILON):
        return False
    if "max" in claim and (value >= claim["max"] if claim.get("maxExclusive") else value > claim["max"] + EPSILON):
        return False
    return True


def unique(items):
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def check_claims(report, template, c, index, out):
    """Appends one summary per finding ({report, ruleId, severity, pointer, actual, expected}), as zfxxgk_rules.py does."""
    def emit(rule_id, cells, actual, expected):
        out.append({"report": index, "ruleId": rule_id, "severity": "warning", "pointer": cells[0], "actual": actual, "expected": expected})

    year = value_at(report, "/meta/year")
    for claim in claims_of(report, c):
        if "year" in claim and claim["year"] != year:
            continue
        rule_id = claim.get("predicate") or claim["terms"][0]
        if claim["kind"] == "predicate":
            predicate = next(p for p in c.v["predicates"] if p["id"] == claim["predicate"])
            scope = next(s for s in predicate["scopes"] if s["term"] == claim["terms"][0])
            readings = [([cell], evaluate(report, [cell])) for cell in scope["zero"]]
            available = [r for r in readings if r[1] is not None]
            wrong = [r for r in available if not holds(claim, r[1])]
            if wrong:
                emit(rule_id, unique([cell for cells, _ in wrong for cell in cells]), 0, wrong[0][1])
            continue
        if claim["kind"] == "quantity" and not any(k in claim for k in ("value", "min", "max")):
            continue
        readings = [(cells, evaluate(report, cells)) for cells in readings_of(claim, template, c)]
        available = [r for r in readings if r[1] is not None]
        if not available or any(holds(claim, r[1]) for r in available):
            continue
        actual = claim.get("value", claim.get("written", 0))
        emit(rule_id, unique([cell for cells, _ in available for cell in cells]), actual, available[0][1])


def change_holds(change, later, earlier):
    difference = later - earlier
    if change.get("same"):
        return abs(difference) < EPSILON
    signed = change["amount"] if change["increase"] else -change["amount"]
    if not change["percent"]:
        return abs(difference - signed) < EPSILON
    if earlier == 0:
        return False
    return abs(100 * difference / earlier - signed) <= 10 ** -change["decimals"] + EPSILON


def check_claim_changes(later, later_template, earlier, earlier_template, index, c, out):
    year = value_at(later, "/meta/year")
    for claim in claims_of(later, c):
        if claim["kind"] != "quantity" or "change" not in claim or ("year" in claim and claim["year"] != year):
            continue
        before = readings_of(claim, earlier_template, c)
        pairs = []
        for cells in readings_of(claim, later_template, c):
            now = evaluate(later, cells)
            then = evaluate(earlier, cells) if cells in before else None
            if now is not None and then is not None:
                pairs.append((cells, now, then))
        if not pairs or any(change_holds(claim["change"], now, then) for _, now, then in pairs):
            continue
        change = claim["change"]
        actual = 0 if change.get("same") else (1 if change["increase"] else -1) * change["amount"]
        cells = unique([cell for cells, _, _ in pairs for cell in cells])
        out.append({"report": index, "ruleId": claim["terms"][0], "severity": "warning", "pointer": cells[0], "actual": actual, "expected": pairs[0][1] - pairs[0][2]})


KEYS = ("value", "min", "max", "predicate", "year")


def key_of(claim):
    """What a claim says (as tests/support/claims-corpus.ts writes it): offsets and wording left out."""
    key = {"kind": claim["kind"], "terms": sorted(claim["terms"])}
    if "columns" in claim:
        key["columns"] = sorted(claim["columns"])
    for k in KEYS:
        if k in claim:
            key[k] = claim[k]
    if claim.get("minExclusive"):
        key["minExclusive"] = True
    if claim.get("maxExclusive"):
        key["maxExclusive"] = True
    if "change" in claim:
        ch = claim["change"]
        key["change"] = {"same": True} if ch.get("same") else {"increase": ch["increase"], "amount": ch["amount"], "percent": ch["percent"]}
    return key


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "read":
        sys.exit("usage: zfxxgk_claims.py read CLAIMS.json CORPUS.json")
    c = Vocabulary(json.load(open(sys.argv[2], encoding="utf-8")))
    for sentence in json.load(open(sys.argv[3], encoding="utf-8"))["sentences"]:
        print(json.dumps({"id": sentence["id"], "claims": [key_of(claim) for claim in read_claims(sentence["text"], c)]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
