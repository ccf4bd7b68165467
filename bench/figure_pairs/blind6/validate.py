#!/usr/bin/env python3
"""Validate figure-check pair files of batch 6 (stdlib only)."""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"states", "contradicts", "different", "absent"}
QUALS = {"exact", "approx", "more_than", "at_least", "nearly", "less_than", "at_most"}
LANGS = {"en", "ar", "he"}
AR = re.compile(r"[\u0600-\u06FF]")
HE = re.compile(r"[\u0590-\u05FF]")
errors = []


def script(s):
    if AR.search(s):
        return "ar"
    if HE.search(s):
        return "he"
    return "en"


def check(name):
    path = os.path.join(HERE, name)
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except Exception as e:
        errors.append(f"{name}: invalid JSON: {e}")
        return []
    if not isinstance(data, list):
        errors.append(f"{name}: top level is not a list")
        return []
    seen = set()
    for i, p in enumerate(data):
        w = f"{name}[{i}]"
        if not isinstance(p, dict):
            errors.append(f"{w}: not an object"); continue
        for k in ("claim", "figure", "passage", "label", "lang"):
            if k not in p:
                errors.append(f"{w}: missing {k}")
        extra = set(p) - {"claim", "figure", "passage", "label", "lang"}
        if extra:
            errors.append(f"{w}: unexpected fields {sorted(extra)}")
        for k in ("claim", "passage"):
            if not isinstance(p.get(k), str) or not p.get(k, "").strip():
                errors.append(f"{w}: {k} must be a non-empty string")
        fig = p.get("figure")
        if not isinstance(fig, dict):
            errors.append(f"{w}: figure must be an object")
        else:
            v = fig.get("value")
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                errors.append(f"{w}: figure.value not a number: {v!r}")
            if fig.get("qualifier") not in QUALS:
                errors.append(f"{w}: bad qualifier {fig.get('qualifier')!r}")
            u = fig.get("unit", "MISSING")
            if u == "MISSING":
                errors.append(f"{w}: figure.unit missing")
            elif u is not None and (not isinstance(u, str) or u != u.strip() or not u):
                errors.append(f"{w}: bad unit {u!r}")
            elif isinstance(u, str) and u != u.lower() and not re.fullmatch(r"[A-Z]{3}", u):
                errors.append(f"{w}: unit should be lower case or ISO code: {u!r}")
            if u == "fraction" and isinstance(v, (int, float)) and not (0 < v <= 1):
                errors.append(f"{w}: fraction value out of range: {v}")
        if p.get("label") not in LABELS:
            errors.append(f"{w}: bad label {p.get('label')!r}")
        lang = p.get("lang")
        if lang not in LANGS:
            errors.append(f"{w}: bad lang {lang!r}")
        elif isinstance(p.get("passage"), str) and script(p["passage"]) != lang:
            errors.append(f"{w}: lang {lang} but passage script is {script(p['passage'])}")
        key = (p.get("claim"), p.get("passage"))
        if key in seen:
            errors.append(f"{w}: duplicate pair")
        seen.add(key)
    return data


en = check("en.json")
xl = check("xlang.json")

print("en.json:", len(en), "pairs", dict(sorted(Counter(p.get("label") for p in en).items())))
if len(en) < 80:
    errors.append("en.json: fewer than 80 pairs")
for p in en:
    if p.get("lang") != "en" or script(p.get("claim", "")) != "en":
        errors.append(f"en.json: non-English pair: {p.get('claim')!r}")
for lab in LABELS:
    n = sum(p.get("label") == lab for p in en)
    if n < 18:
        errors.append(f"en.json: only {n} '{lab}' pairs")

groups = Counter()
glabels = {}
for p in xl:
    g = f"{script(p.get('claim', ''))}->{p.get('lang')}"
    groups[g] += 1
    glabels.setdefault(g, Counter())[p.get("label")] += 1
print("xlang.json:", len(xl), "pairs", dict(sorted(Counter(p.get("label") for p in xl).items())))
need = {"en->ar": 16, "en->he": 16, "ar->en": 8, "he->en": 8}
for g in sorted(set(groups) | set(need)):
    print(f"  {g}: {groups[g]} pairs", dict(sorted(glabels.get(g, Counter()).items())))
    if g not in need:
        errors.append(f"xlang.json: unexpected group {g}")
        continue
    if groups[g] < need[g]:
        errors.append(f"xlang.json: group {g} has {groups[g]} < {need[g]}")
    missing = LABELS - set(glabels.get(g, {}))
    if missing:
        errors.append(f"xlang.json: group {g} lacks labels {sorted(missing)}")
if len(xl) < 48:
    errors.append("xlang.json: fewer than 48 pairs")

if errors:
    print(f"ERRORS ({len(errors)}):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: no errors")
