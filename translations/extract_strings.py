#!/usr/bin/env python3
"""Collects the translatable strings of core/ and app/cli/ for lupdate, under the contexts used at run time.

Core and the CLI translate through small helpers such as

    QString tr(const char *text) { return QCoreApplication::translate("Catalog", text); }

lupdate cannot see through them: it files those tr() calls under the enclosing C++ scope
("Portolan::Core::Catalog", "Portolan::Core::Validator::Checker") or drops them ("tr() cannot be called
without context"), so the translations would never be found at run time. This script reads the sources,
finds each file's helper context and writes every string as QT_TRANSLATE_NOOP3 / QT_TRANSLATE_N_NOOP3 into
one generated file that lupdate reads instead of those sources.

Rules, per file:
  * tr("...") with a helper `QCoreApplication::translate("X", text)` in the file -> context X;
  * tr("...") without a helper -> the Q_OBJECT class of the matching header, namespace-qualified
    (QObject::tr uses the meta-object's class name);
  * QCoreApplication::translate("X", "...") -> context X;
  * Name::tr("...") where a class or struct Name in the file, or in a header of the same folder it includes, declares
    Q_DECLARE_TR_FUNCTIONS(X) -> context X;
  * tr("...") in a file without a helper of its own, through a helper that an included header of the same folder
    declares (`QString tr(const char *text);` in CliSupport.h, defined in CliSupport.cpp) -> that helper's context.
A third argument to tr() (the count) makes the string a plural (numerus) form.
"""

import argparse
import os
import re
import sys


def strip_comments(src):
    """Blanks out comments, keeping string literals, character literals and line breaks."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '/' and i + 1 < n and src[i + 1] == '/':
            j = src.find('\n', i)
            j = n if j == -1 else j
            out.append(' ' * (j - i))
            i = j
        elif c == '/' and i + 1 < n and src[i + 1] == '*':
            j = src.find('*/', i + 2)
            j = n if j == -1 else j + 2
            out.append(''.join(ch if ch == '\n' else ' ' for ch in src[i:j]))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            out.append(src[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def skip_space(src, i):
    while i < len(src) and src[i].isspace():
        i += 1
    return i


def read_literals(src, i):
    """Reads adjacent "..." literals from src[i:]; returns (raw body without quotes, index after) or None."""
    i = skip_space(src, i)
    if i >= len(src) or src[i] != '"':
        return None
    parts = []
    while i < len(src) and src[i] == '"':
        j = i + 1
        while j < len(src) and src[j] != '"':
            j += 2 if src[j] == '\\' else 1
        parts.append(src[i + 1:j])
        i = skip_space(src, j + 1)
    return ''.join(parts), i


def read_argument(src, i):
    """Skips one argument expression (balanced brackets); returns (text, index of the ',' or ')' after it)."""
    depth = 0
    start = i
    while i < len(src):
        c = src[i]
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                break
            depth -= 1
        elif c == ',' and depth == 0:
            break
        elif c == '"':
            i += 1
            while i < len(src) and src[i] != '"':
                i += 2 if src[i] == '\\' else 1
        i += 1
    return src[start:i].strip(), i


def parse_call(src, i, helper_count=False):
    """src[i] is just after the opening parenthesis of tr( or of translate("ctx", . Returns (text, comment, numerus).
    `helper_count`: a helper such as httpTr(text, n), whose second argument is the count."""
    lit = read_literals(src, i)
    if lit is None:
        return None
    text, i = lit
    comment = ''
    numerus = False
    if i < len(src) and src[i] == ',':
        i = skip_space(src, i + 1)
        c = read_literals(src, i)
        if c is not None:
            comment, i = c
        else:
            _, i = read_argument(src, i)
            if helper_count:
                numerus = True
        if i < len(src) and src[i] == ',':
            numerus = True
    return text, comment, numerus


HELPER = re.compile(r'QCoreApplication::translate\(\s*"([^"]+)"\s*,\s*text\b')
TRANSLATE = re.compile(r'QCoreApplication::translate\(\s*"([^"]+)"\s*,')
TR = re.compile(r'(?<![\w.>:])(tr|[a-z]+Tr)\(')
DECLARED = re.compile(r'(?:class|struct)\s+(\w+)[^{;]*\{[^{}]*?Q_DECLARE_TR_FUNCTIONS\(\s*([\w:]+)\s*\)')
INCLUDE = re.compile(r'#include\s+"(\w+)\.h"')


def class_context(path):
    header = os.path.splitext(path)[0] + '.h'
    if not os.path.exists(header):
        return None
    with open(header, encoding='utf-8') as f:
        src = strip_comments(f.read())
    if 'Q_OBJECT' not in src:
        return None
    ns = re.search(r'namespace\s+([\w:]+)\s*\{', src)
    cls = re.search(r"class\s+(\w+)\s+(?:final\s+)?:\s*public\s+[\w:]+", src)
    if not cls:
        return None
    return (ns.group(1) + '::' if ns else '') + cls.group(1)


def included_helper(path, src):
    """The context of a tr() helper declared by a header of the same folder that src includes, or None."""
    folder = os.path.dirname(path)
    for m in INCLUDE.finditer(src):
        header = os.path.join(folder, m.group(1) + '.h')
        source = os.path.join(folder, m.group(1) + '.cpp')
        if not (os.path.exists(header) and os.path.exists(source)):
            continue
        with open(header, encoding='utf-8') as f:
            if not re.search(r'\bQString\s+tr\(\s*const\s+char\s*\*', strip_comments(f.read())):
                continue
        with open(source, encoding='utf-8') as f:
            helper = HELPER.search(strip_comments(f.read()))
        if helper:
            return helper.group(1)
    return None


def declared_tr_classes(path, src):
    """(class, context) of each Q_DECLARE_TR_FUNCTIONS class in src and in the headers of the same folder it includes
    (GitOpsSupport.h's GitOps::Tr, used as Tr::tr by the executors that include it)."""
    found = [(m.group(1), m.group(2)) for m in DECLARED.finditer(src)]
    folder = os.path.dirname(path)
    for m in INCLUDE.finditer(src):
        header = os.path.join(folder, m.group(1) + '.h')
        if not os.path.exists(header):
            continue
        with open(header, encoding='utf-8') as f:
            found += [(d.group(1), d.group(2)) for d in DECLARED.finditer(strip_comments(f.read()))]
    seen = set()
    return [(name, context) for name, context in found if not (name in seen or seen.add(name))]


def extract(path):
    with open(path, encoding='utf-8') as f:
        src = strip_comments(f.read())
    found = []
    helper = HELPER.search(src)
    tr_context = helper.group(1) if helper else (class_context(path) or included_helper(path, src))
    for name, context in declared_tr_classes(path, src):
        for call_match in re.finditer(r'(?<![\w:])' + re.escape(name) + r'::tr\(', src):
            call = parse_call(src, call_match.end())
            if call:
                found.append((context,) + call)
    for m in TRANSLATE.finditer(src):
        call = parse_call(src, m.end())
        if call:
            found.append((m.group(1),) + call)
    for m in TR.finditer(src):
        call = parse_call(src, m.end(), helper_count=m.group(1) != 'tr')
        if call is None:
            continue
        if tr_context is None:
            print(f'{path}: tr() without a context this script understands', file=sys.stderr)
            continue
        found.append((tr_context,) + call)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--output', required=True)
    parser.add_argument('sources', nargs='+')
    args = parser.parse_args()

    lines = ['// Generated by translations/extract_strings.py for lupdate; never compiled. Do not edit.', '']
    seen = set()
    for path in sorted(args.sources):
        entries = extract(path)
        if not entries:
            continue
        lines.append(f'// {os.path.basename(path)}')
        for context, text, comment, numerus in entries:
            key = (context, text, comment)
            if key in seen:
                continue
            seen.add(key)
            macro = 'QT_TRANSLATE_N_NOOP3' if numerus else 'QT_TRANSLATE_NOOP3'
            lines.append(f'{macro}("{context}", "{text}", "{comment}");')
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    content = '\n'.join(lines) + '\n'
    old = None
    if os.path.exists(args.output):
        with open(args.output, encoding='utf-8') as f:
            old = f.read()
    if old != content:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(content)
    print(f'extract_strings: {len(seen)} strings from {len(args.sources)} files', file=sys.stderr)


if __name__ == '__main__':
    main()
