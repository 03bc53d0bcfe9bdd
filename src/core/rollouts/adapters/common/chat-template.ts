// Splits chat-formatted text back into system prompt, question (the last user turn) and response.
// Trainers log the decoded token sequence, so the roles survive only as template markers:
// - ChatML (Qwen, OREAL-7B/32B): <|im_start|>role\n … <|im_end|>, stop word <|im_end|>
// - DeepSeek-R1: <｜begin▁of▁sentence｜>system<｜User｜>…<｜Assistant｜>…, stop <｜end▁of▁sentence｜>
// - ChatML decoded with skip_special_tokens (verl `input`): "system\n…\nuser\n…\nassistant\n"
// Chat message lists ([{role, content}]) are handled too (TRL conversational data, xtuner prompts).
import { isObject } from './values';

export type TemplateName = 'chatml' | 'deepseek' | 'plain-roles' | 'messages' | 'none';

export interface SplitPrompt {
  system: string | null;
  question: string | null;
  template: TemplateName;
}

export interface SplitSequence extends SplitPrompt {
  /** Assistant text after the last generation prompt, without the stop word. */
  response: string;
  /** True when the response ended with the template's stop word; false = cut off (truncated). */
  stopped: boolean;
}

const IM_START = '<|im_start|>';
const IM_END = '<|im_end|>';
const DS_BOS = '<｜begin▁of▁sentence｜>';
const DS_USER = '<｜User｜>';
const DS_ASSISTANT = '<｜Assistant｜>';
const DS_EOS = '<｜end▁of▁sentence｜>';

/** Full prompt + response sequence (OREAL `sequence`). Null when no known template is found. */
export function splitSequence(sequence: string): SplitSequence | null {
  if (sequence.includes(IM_START)) return splitChatMl(sequence);
  if (sequence.includes(DS_USER)) return splitDeepSeek(sequence);
  return null;
}

/** Prompt-only text (verl `input`, TRL `prompt`): the question is the last user turn. */
export function splitPromptText(text: string): SplitPrompt {
  if (text.includes(IM_START)) {
    const turns = chatMlTurns(text);
    return { system: firstContent(turns, 'system'), question: lastContent(turns, 'user') ?? text, template: 'chatml' };
  }
  if (text.includes(DS_USER)) {
    const parts = splitDeepSeek(text + DS_ASSISTANT);
    return { system: parts.system, question: parts.question ?? text, template: 'deepseek' };
  }
  const plain =
    /^system\n([\s\S]*?)\nuser\n([\s\S]*?)\nassistant\n?$/.exec(text) ??
    /^()user\n([\s\S]*?)\nassistant\n?$/.exec(text);
  if (plain) return { system: plain[1] ? plain[1] : null, question: plain[2] ?? null, template: 'plain-roles' };
  return { system: null, question: text, template: 'none' };
}

/** [{role, content}] lists; content may be a string or a list of {type: 'text', text} parts. */
export function splitMessages(messages: unknown): SplitPrompt | null {
  if (!Array.isArray(messages)) return null;
  const turns = messages.filter(isObject).map((m) => ({ role: String(m.role ?? ''), content: messageText(m.content) }));
  if (turns.length === 0) return null;
  return { system: firstContent(turns, 'system'), question: lastContent(turns, 'user'), template: 'messages' };
}

/** The assistant text of a completion given as messages (TRL conversational completions). */
export function assistantText(messages: unknown): string | null {
  if (typeof messages === 'string') return messages;
  if (!Array.isArray(messages)) return null;
  return messages
    .filter(isObject)
    .filter((m) => m.role === undefined || m.role === 'assistant')
    .map((m) => messageText(m.content))
    .join('\n');
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        isObject(part) && typeof part.text === 'string' ? part.text : typeof part === 'string' ? part : '',
      )
      .join('');
  }
  return content == null ? '' : String(content);
}

interface Turn {
  role: string;
  content: string;
  closed?: boolean;
}

function chatMlTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const segment of text.split(IM_START).slice(1)) {
    const newline = segment.indexOf('\n');
    const role = (newline === -1 ? segment : segment.slice(0, newline)).trim();
    const body = newline === -1 ? '' : segment.slice(newline + 1);
    const end = body.indexOf(IM_END);
    turns.push({ role, content: end === -1 ? body : body.slice(0, end), closed: end !== -1 });
  }
  return turns;
}

function splitChatMl(sequence: string): SplitSequence {
  const turns = chatMlTurns(sequence);
  const last = turns[turns.length - 1];
  const hasReply = last?.role === 'assistant';
  const context = hasReply ? turns.slice(0, -1) : turns;
  // The stop word closes the reply; a reply that runs to the end of the sequence was cut off.
  const response = hasReply ? last.content : '';
  return {
    system: firstContent(context, 'system'),
    question: lastContent(context, 'user'),
    template: 'chatml',
    response,
    stopped: hasReply && last.closed === true,
  };
}

function splitDeepSeek(sequence: string): SplitSequence {
  const body = sequence.startsWith(DS_BOS) ? sequence.slice(DS_BOS.length) : sequence;
  const firstUser = body.indexOf(DS_USER);
  const system = body.slice(0, firstUser).trim();
  const lastAssistant = body.lastIndexOf(DS_ASSISTANT);
  const lastUser = body.lastIndexOf(DS_USER, lastAssistant === -1 ? undefined : lastAssistant);
  const question =
    lastUser === -1 ? null : body.slice(lastUser + DS_USER.length, lastAssistant === -1 ? undefined : lastAssistant);
  let response = lastAssistant === -1 ? '' : body.slice(lastAssistant + DS_ASSISTANT.length);
  const stopped = response.trimEnd().endsWith(DS_EOS);
  if (stopped) response = response.slice(0, response.lastIndexOf(DS_EOS));
  return { system: system === '' ? null : system, question, template: 'deepseek', response, stopped };
}

function firstContent(turns: Turn[], role: string): string | null {
  return turns.find((t) => t.role === role)?.content ?? null;
}

function lastContent(turns: Turn[], role: string): string | null {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.role === role) return (turns[i] as Turn).content;
  return null;
}
