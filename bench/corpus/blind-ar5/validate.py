#!/usr/bin/env python3
"""Validate blind corpus files in this folder (stdlib only)."""
import json, os, re, sys, numbers
TYPES = {"quantity","temporal","comparison","superlative","attribution","causal","other","prediction"}
QUALS = {"exact","approx","more_than","at_least","nearly","less_than","at_most"}
REQ = ["title","beat","style","lang","text","claims","non_claims"]
BEATS = {"conflict","courts","economy","health","disasters","politics","science","sport","other"}
folder = os.path.dirname(os.path.abspath(__file__))
files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
prefix = {"blind-ar5": ("ar5_", "ar"), "blind-he5": ("he5_", "he")}.get(os.path.basename(folder))
errors = []; tot_c = tot_n = 0
def err(f, m): errors.append(f"{f}: {m}")
for fn in files:
    try:
        d = json.load(open(os.path.join(folder, fn), encoding="utf-8"))
    except Exception as e:
        err(fn, f"invalid JSON: {e}"); continue
    for k in REQ:
        if k not in d: err(fn, f"missing field {k}")
    if any(k not in d for k in REQ): continue
    t = d["text"]
    if prefix:
        if not re.match(re.escape(prefix[0]) + r"\d\d_[a-z0-9_]+\.json$", fn): err(fn, "bad file name")
        if d["lang"] != prefix[1]: err(fn, f"lang {d['lang']!r} != {prefix[1]!r}")
    if d["beat"] not in BEATS: err(fn, f"beat {d['beat']!r} not allowed")
    wc = len(t.split())
    if not 250 <= wc <= 700: err(fn, f"word count {wc} outside 250-700")
    if not isinstance(d["claims"], list) or not isinstance(d["non_claims"], list):
        err(fn, "claims/non_claims must be lists"); continue
    for i, c in enumerate(d["claims"]):
        tag = f"claim {i+1}"
        for k in ("quote","types","quantities","attributed_to"):
            if k not in c: err(fn, f"{tag} missing {k}")
        q = c.get("quote", "")
        if not q or q not in t: err(fn, f"{tag} quote not in text: {q[:60]!r}")
        if q.endswith(".") : err(fn, f"{tag} quote ends with full stop")
        if "text" in c and (not isinstance(c["text"], str) or not c["text"].strip()): err(fn, f"{tag} empty text")
        ty = c.get("types", [])
        if not ty or any(x not in TYPES for x in ty): err(fn, f"{tag} bad types {ty}")
        if len(set(ty)) != len(ty): err(fn, f"{tag} duplicate types")
        a = c.get("attributed_to")
        if ("attribution" in ty) != (a is not None): err(fn, f"{tag} attribution type/attributed_to mismatch")
        if a is not None and (not isinstance(a, str) or not a.strip()): err(fn, f"{tag} bad attributed_to")
        qs = c.get("quantities", [])
        if not isinstance(qs, list): err(fn, f"{tag} quantities not a list"); qs = []
        if "quantity" in ty and not qs: err(fn, f"{tag} type quantity but no quantities")
        for j, x in enumerate(qs):
            for k in ("value","qualifier","unit","text"):
                if k not in x: err(fn, f"{tag} qty {j+1} missing {k}")
            v = x.get("value")
            if isinstance(v, bool) or not isinstance(v, numbers.Number): err(fn, f"{tag} qty {j+1} value not a number: {v!r}")
            if x.get("qualifier") not in QUALS: err(fn, f"{tag} qty {j+1} bad qualifier {x.get('qualifier')!r}")
            u = x.get("unit")
            if u is not None and (not isinstance(u, str) or not u): err(fn, f"{tag} qty {j+1} bad unit")
            if x.get("text", "") not in q: err(fn, f"{tag} qty {j+1} text not in quote: {x.get('text')!r}")
    for i, n in enumerate(d["non_claims"]):
        if not isinstance(n, str) or not n or n not in t: err(fn, f"non_claim {i+1} not in text: {str(n)[:60]!r}")
    nc, nn = len(d["claims"]), len(d["non_claims"])
    tot_c += nc; tot_n += nn
    print(f"{fn}: words={wc} claims={nc} non_claims={nn}")
print(f"TOTAL files={len(files)} claims={tot_c} non_claims={tot_n}")
if errors:
    print(f"{len(errors)} ERROR(S):"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK: no errors")
