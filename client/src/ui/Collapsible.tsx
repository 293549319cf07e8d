import { useId, useState, type ReactNode } from 'react';

/**
 * A panel whose body can be folded away. It opens by itself when it becomes relevant (the step
 * changes) and folds when it stops being so, but the facilitator can always open it by hand.
 */
export function Collapsible({
  title,
  relevant,
  badge,
  className = 'panel',
  level = 2,
  testId,
  children,
}: {
  title: string;
  relevant: boolean;
  /** A short status shown next to the title, also while folded ("open", "3 verborgen"). */
  badge?: ReactNode;
  className?: string;
  level?: 2 | 3;
  testId?: string;
  children: ReactNode;
}) {
  // A choice by hand holds while the relevance it was made against holds; a new step resets it.
  const [chosen, setChosen] = useState<{ relevant: boolean; open: boolean } | null>(null);
  const open = chosen && chosen.relevant === relevant ? chosen.open : relevant;
  const setOpen = (value: boolean) => setChosen({ relevant, open: value });
  const bodyId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`${className} collapsible${open ? ' is-open' : ''}`} data-testid={testId}>
      <Heading className="collapsible-heading">
        <button type="button" className="collapsible-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="collapsible-chevron" aria-hidden="true" />
          <span className="collapsible-title">{title}</span>
          {badge}
        </button>
      </Heading>
      <div id={bodyId} className="collapsible-body" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
