#!/usr/bin/env python3
"""Validate blind6 articles against the labelling guidelines' format."""
import json, os, glob, re
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {'quantity','temporal','comparison','superlative','attribution','causal','other','prediction'}
QUALS = {'exact','approx','more_than','at_least','nearly','less_than','at_most'}
BEATS = {'conflict','courts','economy','health','disasters','politics','science','sport','other'}
errs = []; tot_c = tot_n = 0; files = sorted(glob.glob(os.path.join(HERE, 'en6_*.json')))
for f in files:
    n = os.path.basename(f)
    try: d = json.load(open(f, encoding='utf-8'))
    except Exception as e: errs.append(f'{n}: invalid JSON {e}'); continue
    for k in ('title','beat','style','lang','text','claims','non_claims'):
        if k not in d: errs.append(f'{n}: missing {k}')
    if d.get('lang') != 'en': errs.append(f'{n}: lang')
    if d.get('beat') not in BEATS: errs.append(f'{n}: beat {d.get("beat")}')
    t = d['text']; w = len(t.split())
    if not 350 <= w <= 900: errs.append(f'{n}: {w} words')
    seen = set()
    for i, c in enumerate(d['claims']):
        q = c.get('quote')
        if not q or q not in t: errs.append(f'{n}: claim {i} quote not in text: {q!r}')
        if q in seen: errs.append(f'{n}: duplicate quote {q!r}')
        seen.add(q)
        if q and q.endswith('.') and not q.endswith(('a.m.', 'p.m.', 'Ltd.', 'Inc.')): errs.append(f'{n}: trailing stop {q!r}')
        ty = c.get('types') or []
        if not ty or set(ty) - TYPES: errs.append(f'{n}: claim {i} types {ty}')
        if 'attributed_to' not in c: errs.append(f'{n}: claim {i} no attributed_to')
        a = c.get('attributed_to')
        if ('attribution' in ty) != (a is not None): errs.append(f'{n}: claim {i} attribution mismatch {q!r}')
        qs = c.get('quantities')
        if not isinstance(qs, list): errs.append(f'{n}: claim {i} quantities'); qs = []
        if ('quantity' in ty or 'temporal' in ty) and not qs and 'temporal' not in ty:
            errs.append(f'{n}: claim {i} quantity type without quantities')
        if qs and not ({'quantity','temporal'} & set(ty)): errs.append(f'{n}: claim {i} quantities without quantity/temporal type')
        for qq in qs:
            if not isinstance(qq.get('value'), (int, float)) or isinstance(qq.get('value'), bool): errs.append(f'{n}: claim {i} value {qq}')
            if qq.get('qualifier') not in QUALS: errs.append(f'{n}: claim {i} qualifier {qq}')
            u = qq.get('unit')
            if u is not None and (not isinstance(u, str) or u != u.strip() or not u): errs.append(f'{n}: claim {i} unit {qq}')
            if u is not None and not re.fullmatch(r'[A-Z]{3}', u) and u != u.lower(): errs.append(f'{n}: claim {i} unit case {u}')
            if not qq.get('text') or qq['text'] not in t: errs.append(f'{n}: claim {i} qty text not in article: {qq.get("text")!r}')
    for s in d['non_claims']:
        if s not in t: errs.append(f'{n}: non_claim not in text: {s!r}')
    nc, nn = len(d['claims']), len(d['non_claims']); tot_c += nc; tot_n += nn
    print(f'{n:45s} words={w:4d} claims={nc:3d} non_claims={nn:2d} beat={d["beat"]} style={d["style"]}')
print(f'articles={len(files)} claims={tot_c} non_claims={tot_n}')
for e in errs: print('ERROR', e)
print('OK' if not errs else f'{len(errs)} errors')
