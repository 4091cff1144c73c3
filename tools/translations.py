#!/usr/bin/env python3
"""translations.py DIR [DIR...]: fans the translation work folders out to
catalog/translations/ (issue 11). Not part of the binary; run it from the
root of the repository, then `make catalog`.

Each DIR holds items.json (every distinct text to translate: key, dir "zh2en" or
"en2zh", src, and its uses [product, code, field]), out/chunk-NN.tsv
(key<TAB>translation, "\\n" escaped) and glossary.yaml. This writes
catalog/translations/en/<product>.yaml (English for Chinese-only texts),
catalog/translations/zh/<product>.yaml (Chinese for English-only texts), rows
{code, field, source, text} sorted by code then field, where source is the
exact official text translated; and catalog/translations/glossary.yaml. tools/translation_fixes.tsv
(key<TAB>text) holds corrections made in review; they win over the folders.
A row whose translation differs from a glossary term keeps the exemption
named in catalog/translations/exempt.yaml (edited by hand, never here).
"""
import glob, json, os, sys
import yaml

def q(s):
    return json.dumps(s, ensure_ascii=False)

def main():
    if len(sys.argv) < 2:
        sys.exit('usage: tools/translations.py DIR [DIR...]')
    items, tr = [], {}
    for d in sys.argv[1:]:
        items += json.load(open(os.path.join(d, 'items.json'), encoding='utf-8'))
        read_out(d, tr)
    # Corrections from errcode's own review (key<TAB>text) win over the folders.
    fixes = 'tools/translation_fixes.tsv'
    if os.path.exists(fixes):
        for line in open(fixes, encoding='utf-8'):
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                k, t = line.split('\t', 1)
                tr[k] = t
    gloss = os.path.join(sys.argv[1], 'glossary.yaml')
    build(items, tr, gloss)

def read_out(d, tr):
    for f in sorted(glob.glob(os.path.join(d, 'out', 'chunk-*.tsv'))):
        for line in open(f, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line or line.startswith('#') or '\t' not in line:
                continue
            k, t = line.split('\t', 1)
            tr[k] = t.replace('\\n', '\n').strip()

def build(items, tr, gloss):
    # A code that catalog/codes.yaml curates is served from there: the
    # imported text is not shown, so its translation is left out.
    curated = {(e['scope'], e['code']) for e in yaml.safe_load(open('catalog/codes.yaml', encoding='utf-8'))}
    rows = {}  # (lang, product) -> [(code, field, source, text)]
    missing = skipped = 0
    for it in items:
        t = tr.get(it['key'])
        if not t:
            missing += 1
            continue
        lang = 'en' if it['dir'] == 'zh2en' else 'zh'
        for p, code, field in it['uses']:
            if (p, code) in curated:
                skipped += 1
                continue
            rows.setdefault((lang, p), []).append((code, field, it['src'], t))
    root = 'catalog/translations'
    for lang in ('en', 'zh'):
        os.makedirs(os.path.join(root, lang), exist_ok=True)
        for f in glob.glob(os.path.join(root, lang, '*.yaml')):
            os.remove(f)
    n = 0
    for (lang, p), rs in sorted(rows.items()):
        rs.sort(key=lambda r: (r[0], r[1]))
        what = 'English for its Chinese-only texts' if lang == 'en' else 'Chinese for its English-only texts'
        out = ['# errcode\'s translations of product %s: %s (issue 11).' % (p, what),
               '# source is the exact official text translated: when a re-import changes it, the',
               '# translation is stale (not applied; a catalog test names it). Written by',
               '# tools/translations.py; edit text here, keep source as imported.']
        for code, field, src, t in rs:
            out.append('- code: ' + q(code))
            out.append('  field: ' + field)
            out.append('  source: ' + q(src))
            out.append('  text: ' + q(t))
            n += 1
        open(os.path.join(root, lang, p + '.yaml'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
    g = open(gloss, encoding='utf-8').read()
    head = ('# The glossary errcode\'s translations follow (catalog/translations, issue 11).\n'
            '# Derived from the catalog\'s bilingual texts: for each Chinese term of Tencent\n'
            '# Cloud\'s error texts, the English its official English uses most (en; also:\n'
            '# other renderings it uses), with the count of bilingual codes that support it.\n'
            '# A test checks every English translation of a text holding zh uses en or an\n'
            '# alternative (exempt.yaml lists reviewed exceptions).\n')
    open(os.path.join(root, 'glossary.yaml'), 'w', encoding='utf-8').write(head + g)
    print('%d rows, %d distinct texts untranslated, %d uses of curated codes left out' % (n, missing, skipped), file=sys.stderr)

main()
