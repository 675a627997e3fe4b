/**
 * YAML writer for annotate/1. yaml's defaults are unsafe for YAML 1.1 readers: they alias
 * repeated objects, fold long lines and leave `no`, `2016-09-13` or `12:37` plain, which PyYAML
 * loads as a boolean, a date and the integer 757. Here: no aliases, no folding, and every
 * string a YAML 1.1 reader could misread is quoted (single, or double when it needs escapes). Mentions are flow maps.
 */
import type { AnnotationRecord } from './record.js';
import { yamlLib } from './yaml-lib.js';
import { isSafePlain, needsEscapes } from './yaml11.js';

export function toYaml(record: AnnotationRecord): string {
  const { Document, isMap, isScalar, isSeq, Scalar, visit } = yamlLib();
  const doc = new Document(record, { aliasDuplicateObjects: false, version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !isSafePlain(node.value)) {
        node.type = needsEscapes(node.value) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      }
    },
    Pair(_key, pair) {
      // mentions: [{start, end, text}, ...] -> one flow map per line
      if (isScalar(pair.key) && pair.key.value === 'mentions' && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    },
  });
  const out = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
  // yaml leaves U+0085 raw inside double quotes, where YAML 1.1 reads it as a line break. Only
  // double-quoted scalars can hold it (needsEscapes), so escaping every occurrence is safe.
  return out.includes('\u0085') ? out.replace(/\u0085/g, '\\N') : out;
}
