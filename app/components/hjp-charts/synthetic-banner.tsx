/** Says, where synthetic figures show, that they are synthetic demonstration data and whose they are. */
export function SyntheticBanner({ synthetic }: { synthetic: { label: string; organisations: string[] } | null }) {
  if (!synthetic) return null;
  return (
    <div className="app-synthetic-banner" role="note" aria-label="Synthetic demonstration data">
      <p className="nhsuk-body nhsuk-u-margin-bottom-1">
        <strong>Synthetic demonstration data.</strong> {synthetic.label.replace(/^Synthetic demonstration data: /, "").replace(/^./, (c) => c.toUpperCase())}
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Organisations whose figures are synthetic: {synthetic.organisations.join(", ")}.</p>
    </div>
  );
}
