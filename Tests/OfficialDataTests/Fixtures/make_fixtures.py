#!/usr/bin/env python3
"""Cuts the small release ZIPs the OfficialData tests use from the two real DfE releases.

Run from this folder: python3 make_fixtures.py ../../../../shared/data/sen2/releases
Each fixture keeps a release's layout exactly (header, BOM, quoting, member paths) with only the
rows for England and Medway, and the first lines of the guidance.
The bad fixtures are the good ones with one thing broken, each named for what is broken.
"""
import csv, io, sys, zipfile, os

src = sys.argv[1] if len(sys.argv) > 1 else '../../../../shared/data/sen2/releases'
KEEP = {'Medway'}

def cut_csv(data: bytes, keep_row):
    text = data.decode('utf-8')
    lines = text.splitlines(keepends=True)
    out = [lines[0]]
    for line in lines[1:]:
        row = next(csv.reader([line]))
        if keep_row(row, lines[0]):
            out.append(line)
    return ''.join(out).encode('utf-8')

def keeper(members_topics):
    def keep(row, header_line):
        header = next(csv.reader([header_line.lstrip('\ufeff')]))
        r = dict(zip(header, row))
        if r.get('geographic_level') == 'National' or r.get('la_name') in KEEP:
            topic = r.get('breakdown_topic')
            return members_topics is None or topic in members_topics
        return False
    return keep

def guidance(data: bytes):
    return b''.join(data.splitlines(keepends=True)[:12])

def make(name, source, members, edit=None):
    with zipfile.ZipFile(os.path.join(src, source)) as z, zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            if info.filename.endswith('data-guidance.txt'):
                data = guidance(z.read(info))
            elif info.filename in members:
                data = cut_csv(z.read(info), keeper(members[info.filename]))
            else:
                continue
            if edit:
                data = edit(info.filename, data)
                if data is None:
                    continue
            out.writestr(info.filename, data)

m22 = {'data/sen2_estab_caseload.csv': None, 'data/sen2_age_caseload.csv': None,
       'data/sen2_age_new_plans.csv': None, 'data/sen2_mi.csv': None}
m25 = {'data/caseload.csv': {'All EHC plans', 'Child or young persons age'},
       'data/newplans.csv': {'New EHC plans', 'Age when plan started'},
       'data/ceased_plans.csv': {'All ceased EHC plans', 'Age plan ceased'},
       'data/requests.csv': {'All requests for EHC needs assessments'},
       'data/sen_needs_all_plans.csv': {'All EHC plans'}}
make('sen2-2022-small.zip', 'education-health-and-care-plans_2022.zip', m22)
make('sen2-2025-small.zip', 'education-health-and-care-plans_2025.zip', m25)

def drop_column(column):
    def edit(member, data):
        if member != 'data/caseload.csv':
            return data
        rows = list(csv.reader(io.StringIO(data.decode('utf-8-sig'))))
        i = rows[0].index(column)
        buf = io.StringIO()
        csv.writer(buf, lineterminator='\n').writerows([r[:i] + r[i + 1:] for r in rows])
        return buf.getvalue().encode('utf-8')
    return edit

def duplicate_line(member_name, line_index):
    def edit(member, data):
        if member != member_name:
            return data
        lines = data.splitlines(keepends=True)
        return b''.join(lines[:line_index + 1] + [lines[line_index]] + lines[line_index + 1:])
    return edit

def bad_value(member, data):
    if member != 'data/caseload.csv':
        return data
    lines = data.decode('utf-8').splitlines(keepends=True)
    lines[2] = lines[2].replace(',All EHC plans,All EHC plans,', ',All EHC plans,All EHC plans,12O4,', 1)
    # keep the width: drop the real count that followed
    parts = lines[2].split(',')
    i = parts.index('12O4')
    del parts[i + 1]
    lines[2] = ','.join(parts)
    return ''.join(lines).encode('utf-8')

def revise(member, data):
    # A revised release: Medway's January 2025 count changed from 3041 to 3042.
    if member != 'data/caseload.csv':
        return data
    lines = data.decode('utf-8').splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith('202425,') and ',Medway,All EHC plans,All EHC plans,3041,' in line:
            lines[i] = line.replace(',All EHC plans,All EHC plans,3041,', ',All EHC plans,All EHC plans,3042,')
    return ''.join(lines).encode('utf-8')

make('sen2-2025-revised.zip', 'education-health-and-care-plans_2025.zip', m25, revise)
make('bad-missing-column.zip', 'education-health-and-care-plans_2025.zip', m25, drop_column('special_independent'))
make('bad-duplicate-row.zip', 'education-health-and-care-plans_2025.zip', m25, duplicate_line('data/caseload.csv', 5))
make('bad-value.zip', 'education-health-and-care-plans_2025.zip', m25, bad_value)
make('bad-no-caseload.zip', 'education-health-and-care-plans_2025.zip', m25,
     lambda m, d: None if m == 'data/caseload.csv' else d)
with open('sen2-2025-small.zip', 'rb') as f:
    whole = f.read()
with open('bad-truncated.zip', 'wb') as f:
    f.write(whole[: len(whole) * 2 // 3])
with zipfile.ZipFile('bad-not-a-release.zip', 'w') as z:
    z.writestr('data-guidance/data-guidance.txt', 'School workforce in England\nReporting year 2025\n')
    z.writestr('data/workforce.csv', 'time_period,headcount\n2025,1\n')
with open('bad-not-a-zip.zip', 'wb') as f:
    f.write(b'time_period,geographic_level\n2025,National\n')
