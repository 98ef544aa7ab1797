import { type AgreementStatus, STATUS_LABELS } from "~/domain/agreements/lifecycle";
import { type Rag, RAG_LABELS } from "~/domain/agreements/kpis";

const STATUS_COLOURS: Record<AgreementStatus, string> = { draft: "grey", agreed: "blue", active: "green", ended: "white", terminated: "red" };
const RAG_COLOURS: Record<Rag, string> = { green: "green", amber: "orange", red: "red", "not-due": "grey", "no-data": "white" };

export function StatusTag({ status }: { status: AgreementStatus }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${STATUS_COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}

/** RAG as words as well as colour, so it reads without seeing colour. */
export function RagTag({ rag }: { rag: Rag }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${RAG_COLOURS[rag]}`}>{RAG_LABELS[rag]}</strong>;
}
