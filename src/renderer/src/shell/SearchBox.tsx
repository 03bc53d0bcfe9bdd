// Full-text search over questions and answers (the server's FTS index), sent after a short pause in typing.
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';

export interface SearchBoxHandle {
  focus(): void;
}

const DEBOUNCE_MS = 250;

export function SearchBox({
  ref,
  value,
  onSearch,
}: {
  ref?: Ref<SearchBoxHandle>;
  value: string;
  onSearch(text: string): void;
}) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const onSearchRef = useRef(onSearch);

  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);
  useImperativeHandle(
    ref,
    () => ({
      focus: () => {
        input.current?.focus();
        input.current?.select();
      },
    }),
    [],
  );

  // A saved view can replace the search from outside; show what is applied.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }

  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onSearchRef.current(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="search-box">
      <input
        ref={input}
        type="search"
        value={text}
        maxLength={1000}
        placeholder="Search questions and answers   /"
        aria-label="Search prompts"
        data-testid="search-input"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            e.currentTarget.blur();
          } else if (e.key === 'Enter') onSearchRef.current(text);
        }}
      />
    </div>
  );
}
