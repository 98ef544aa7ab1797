import type { NarrativeBlock, Run } from "~/domain/packs/narrative";

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}
    </>
  );
}

/** The author's narrative: paragraphs, bullet lists and bold, as React text (never HTML). */
export function Narrative({ blocks }: { blocks: NarrativeBlock[] }) {
  if (!blocks.length) return null;
  return (
    <div className="app-pack-narrative">
      {blocks.map((b, i) =>
        b.type === "paragraph" ? (
          <p key={i}>
            <Runs runs={b.runs} />
          </p>
        ) : (
          <ul key={i} className="nhsuk-list nhsuk-list--bullet">
            {b.items.map((item, k) => (
              <li key={k}>
                <Runs runs={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
