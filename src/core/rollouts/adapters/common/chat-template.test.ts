import { describe, expect, it } from 'vitest';
import { chatMl } from '../testing';
import { assistantText, splitMessages, splitPromptText, splitSequence } from './chat-template';

describe('splitSequence', () => {
  it('splits a ChatML sequence into system, question and a stopped response', () => {
    const split = splitSequence(
      chatMl('You are an expert mathematician.', 'What is 1+1?', 'It is \\boxed{2}.') + '\n<|endoftext|>',
    );
    expect(split).toEqual({
      system: 'You are an expert mathematician.',
      question: 'What is 1+1?',
      template: 'chatml',
      response: 'It is \\boxed{2}.',
      stopped: true,
    });
  });

  it('marks a ChatML response without the stop word as not stopped and keeps the text', () => {
    const split = splitSequence(chatMl(null, 'Q', 'a long trace that was cut', false));
    expect(split).toMatchObject({ system: null, question: 'Q', response: 'a long trace that was cut', stopped: false });
  });

  it('takes the last user turn of a multi-turn conversation', () => {
    const seq =
      '<|im_start|>user\nfirst<|im_end|>\n<|im_start|>assistant\nok<|im_end|>\n' +
      '<|im_start|>user\nsecond<|im_end|>\n<|im_start|>assistant\nanswer<|im_end|>';
    expect(splitSequence(seq)).toMatchObject({ question: 'second', response: 'answer', stopped: true });
  });

  it('splits the DeepSeek-R1 template and its stop word', () => {
    const seq =
      '<｜begin▁of▁sentence｜>Be careful.<｜User｜>What is ' +
      '2+2?<｜Assistant｜><think>\nhmm\n</think>\n\\boxed{4}<｜end▁of▁sentence｜>';
    expect(splitSequence(seq)).toEqual({
      system: 'Be careful.',
      question: 'What is 2+2?',
      template: 'deepseek',
      response: '<think>\nhmm\n</think>\n\\boxed{4}',
      stopped: true,
    });
    const cut = splitSequence('<｜begin▁of▁sentence｜><｜User｜>Q<｜Assistant｜>still thinking');
    expect(cut).toMatchObject({ system: null, question: 'Q', response: 'still thinking', stopped: false });
  });

  it('returns null for text without template markers', () => {
    expect(splitSequence('just some text')).toBeNull();
  });
});

describe('splitPromptText', () => {
  it('reads verl inputs decoded without special tokens', () => {
    expect(splitPromptText('system\nBe brief.\nuser\nWhat is 3*3?\nassistant\n')).toEqual({
      system: 'Be brief.',
      question: 'What is 3*3?',
      template: 'plain-roles',
    });
    expect(splitPromptText('user\nWhat is 3*3?\nassistant\n')).toEqual({
      system: null,
      question: 'What is 3*3?',
      template: 'plain-roles',
    });
  });

  it('reads ChatML prompts ending in the generation prompt', () => {
    expect(
      splitPromptText('<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n'),
    ).toEqual({ system: 'S', question: 'Q', template: 'chatml' });
  });

  it('keeps unrecognised text as the question', () => {
    expect(splitPromptText('Solve x+1=2.')).toEqual({ system: null, question: 'Solve x+1=2.', template: 'none' });
  });
});

describe('chat messages', () => {
  it('takes system and last user content, including content parts', () => {
    const messages = [
      { role: 'system', content: 'S' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Part 1 ' },
          { type: 'text', text: 'part 2' },
        ],
      },
    ];
    expect(splitMessages(messages)).toEqual({ system: 'S', question: 'Part 1 part 2', template: 'messages' });
    expect(splitMessages('not a list')).toBeNull();
  });

  it('joins assistant messages of a completion', () => {
    expect(assistantText([{ role: 'assistant', content: 'The answer is 4.' }])).toBe('The answer is 4.');
    expect(assistantText('plain')).toBe('plain');
    expect(assistantText(42)).toBeNull();
  });
});
