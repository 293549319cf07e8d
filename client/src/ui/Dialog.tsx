import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal on the native <dialog>: focus is kept inside, Escape closes it, and focus returns
 * to where it was. It opens at its top: focus goes to the element marked `data-autofocus`, or
 * else to the dialog itself, so a long text is read from its start and not scrolled to the
 * button at its end (which is where the browser would put focus).
 */
export function Dialog({
  open,
  onClose,
  label,
  children,
  className = '',
  testId,
}: {
  open: boolean;
  onClose: () => void;
  label: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const start = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog;
      start.focus({ preventScroll: true });
      dialog.scrollTop = 0;
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`.trim()}
      aria-label={label}
      tabIndex={-1}
      onClose={onClose}
      onCancel={onClose}
      data-testid={testId}
    >
      {open ? children : null}
    </dialog>
  );
}
