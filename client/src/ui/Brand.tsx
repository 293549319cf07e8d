/** The app's mark and a page name at the left of every top bar, with an optional second line. */
export function Brand({ name, tagline }: { name: string; tagline?: string | undefined }) {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true" />
      <span className="brand-name">{name}</span>
      {tagline && <span className="brand-tagline">{tagline}</span>}
    </div>
  );
}
