// SQL for the curation parts of a PromptFilter (label and note conditions) over `prompts p`, used by
// prompts/filter-sql.ts. Every subquery yields non-null values, so NOT IN behaves.
import type { LabelCondition, NoteCondition, PromptFilter } from '../../shared/domain';

interface Fragment {
  sql: string;
  params: unknown[];
}

export function hasCurationConditions(filter: PromptFilter): boolean {
  return (filter.labels?.length ?? 0) > 0 || filter.notes !== undefined;
}

export function curationConditions(filter: PromptFilter): Fragment[] {
  const out = (filter.labels ?? []).map(labelCondition);
  if (filter.notes) out.push(noteCondition(filter.notes));
  return out;
}

function idList(column: string, ids: readonly number[] | undefined): Fragment | null {
  if (!ids || ids.length === 0) return null;
  return { sql: `${column} IN (${ids.map(() => '?').join(', ')})`, params: [...ids] };
}

function whereOf(parts: (Fragment | null)[]): Fragment {
  const present = parts.filter((p): p is Fragment => p !== null);
  return present.length === 0
    ? { sql: '', params: [] }
    : { sql: `WHERE ${present.map((p) => p.sql).join(' AND ')}`, params: present.flatMap((p) => p.params) };
}

function labelCondition(c: LabelCondition): Fragment {
  const annotator = c.annotator !== undefined ? { sql: 'l.annotator = ?', params: [c.annotator] } : null;
  switch (c.op) {
    case 'has':
    case 'hasNot': {
      const where = whereOf([idList('l.label_id', c.labelIds), annotator]);
      return {
        sql: `p.id ${c.op === 'hasNot' ? 'NOT ' : ''}IN (SELECT l.prompt_id FROM prompt_labels l ${where.sql})`,
        params: where.params,
      };
    }
    case 'disagree': {
      // Raters = annotators with any label on the prompt; disagreement = a label some of them gave and
      // others did not.
      const where = whereOf([idList('l.label_id', c.labelIds)]);
      return {
        sql:
          `p.id IN (SELECT c.prompt_id FROM
          (SELECT l.prompt_id, l.label_id, count(*) AS n FROM prompt_labels ` +
          `l ${where.sql} GROUP BY l.prompt_id, l.label_id) c
          JOIN (SELECT prompt_id, count(DISTINCT annotator) AS raters FROM prompt_labels GROUP ` +
          `BY prompt_id) r ON r.prompt_id = c.prompt_id
          WHERE r.raters >= 2 AND c.n < r.raters)`,
        params: where.params,
      };
    }
    case 'rolloutHas':
    case 'rolloutHasNot': {
      const where = whereOf([
        { sql: 'rp.question_hash IS NOT NULL', params: [] },
        idList('l.label_id', c.labelIds),
        annotator,
      ]);
      return {
        sql: `p.question_hash ${c.op === 'rolloutHasNot' ? 'NOT ' : ''}IN (SELECT rp.question_hash FROM rollout_labels l
          JOIN rollouts r ON r.id = l.rollout_id JOIN runs u ON u.id = r.run_id AND u.status = 'ready'
          JOIN run_prompts rp ON rp.id = r.run_prompt_id ${where.sql})`,
        params: where.params,
      };
    }
  }
}

function noteCondition(c: NoteCondition): Fragment {
  if (c.op === 'contains' && c.text) {
    const like = `%${c.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return { sql: `p.id IN (SELECT prompt_id FROM prompt_notes WHERE text LIKE ? ESCAPE '\\')`, params: [like] };
  }
  return { sql: `p.id ${c.op === 'hasNot' ? 'NOT ' : ''}IN (SELECT prompt_id FROM prompt_notes)`, params: [] };
}
