"""Check that each lesson step / claim link would show something in the app (simulates the filters)."""
import glob, sys, yaml
from urllib.parse import parse_qs
M = {}
for f in glob.glob('/work/main/data/missions/*.yaml'):
    d = yaml.safe_load(open(f)); M[d['id']] = d
PERS = {i for i, d in M.items() if d.get('personnel')}
def yr(s): return int(str(s)[:4])
def active(d, a, b):
    end = yr(d['end']) if d['end'] else 2026
    return yr(d['start']) <= b and end >= a
def shown(q, page):
    ids = []
    for i, d in M.items():
        if q.get('org') and d['organisation'] not in q['org']: continue
        if q.get('type') and d['mission_type'] not in q['type']: continue
        if q.get('region') and d['region'] not in q['region']: continue
        st = 'ongoing' if d['end'] is None else 'ended'
        if q.get('status') and st not in q['status']: continue
        if not active(d, int(q.get('from', ['1990'])[0]), int(q.get('to', ['2026'])[0])): continue
        if page == 'timeline' and q.get('partners', ['0'])[0] != '1' and d['organisation'] != 'NATO': continue
        if page == 'map' and q.get('year') and not active(d, int(q['year'][0]), int(q['year'][0])): continue
        ids.append(i)
    return sorted(ids)
def check(page, query, label):
    q = parse_qs(query); problems = []
    if page == 'mission':
        if q['id'][0] not in M: problems.append('unknown id')
        out = q['id']
    elif page == 'compare':
        ids = q['ids'][0].split(','); out = ids
        problems += [f'unknown {i}' for i in ids if i not in M]
        if not 2 <= len(ids) <= 4: problems.append('compare needs 2-4')
    else:
        out = shown(q, page)
        if not out: problems.append('EMPTY')
        for s in q.get('strength', []):
            for i in s.split(','):
                if i not in out or i not in PERS: problems.append(f'strength {i} not available')
    print(('PROBLEM ' + '; '.join(problems) + ' | ') if problems else 'ok | ', label, '|', page, query, '->', out)
for l in yaml.safe_load(open('/tmp/research/learn/lessons.yaml')):
    for s in l['steps']: check(s['page'], s['query'], l['id'] + ': ' + s['title'])
for c in yaml.safe_load(open('/tmp/research/learn/claims.yaml')) if len(sys.argv) > 1 else []:
    check(c['link']['page'], c['link']['query'], 'claim ' + c['id'])
