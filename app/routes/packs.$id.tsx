import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { canEditPack } from "~/auth/pack-access";
import { requireUser } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/nhsuk/breadcrumbs";
import { ErrorSummary } from "~/components/nhsuk/error-summary";
import { Button } from "~/components/nhsuk/fields";
import { cssString, longDate } from "~/components/packs/pack-format";
import { PackSectionView } from "~/components/packs/pack-section";
import { DISCLOSURE_RULE } from "~/domain/disclosure/rule";
import { getPackContent, listShareableOrganisations, packErrorResponse, PackError, publishPack, sharePack } from "~/services/packs/packs.server";
import { PackActionSchema, parsePackId } from "~/validation/packs";


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const content = await getPackContent({ db: context.db, actor: user, id: parsePackId(params.id) }).catch(packErrorResponse);
  const canShare = content.pack.status === "published" && canEditPack(user, { icbCode: content.pack.area.icbCode });
  const organisations = canShare ? await listShareableOrganisations({ db: context.db }) : [];
  return json({ content, organisations, canShare }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const id = parsePackId(params.id);
  const submission = parseWithZod(await request.formData(), { schema: PackActionSchema });
  if (submission.status !== "success") return json({ error: "Choose what to do with the pack." }, { status: 400 });
  try {
    if (submission.value.intent === "publish") await publishPack({ db: context.db, actor: user, id });
    else await sharePack({ db: context.db, actor: user, id, organisationIds: submission.value.organisationIds });
  } catch (error) {
    // A refusal the user can act on is shown on the page; not found and forbidden are thrown.
    if (error instanceof PackError && (error.status === 400 || error.status === 409)) return json({ error: error.message }, { status: error.status });
    packErrorResponse(error);
  }
  return redirect(`/packs/${id}`);
}

export default function PackRoute() {
  const { content, organisations, canShare } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { pack } = content;
  const area = pack.area.level === "place" ? `${pack.area.name}, ${pack.area.icbName}` : `${pack.area.name} (whole system)`;
  const status = content.frozen ? `Published ${longDate(content.figuresAt)}: figures frozen on that date` : `Draft: live figures as at ${longDate(content.figuresAt)}`;
  const footer = `${content.frozen ? "Published" : "Draft"}, figures as at ${longDate(content.figuresAt)}${content.vintage.length ? `. ${content.vintage.join("; ")}` : ""}`;
  return (
    <>
      <div className="app-no-print">
        <Breadcrumbs
          items={[
            { href: "/", text: "Home" },
            { href: "/packs", text: "Strategy evidence packs" },
          ]}
        />
      </div>
      {actionData?.error ? <ErrorSummary errors={[{ href: "#pack-actions", text: actionData.error }]} /> : null}
      <div className="app-pack-cover">
        <span className="nhsuk-caption-l">Strategy evidence pack · {area}</span>
        <h1>{pack.title}</h1>
        <dl className="nhsuk-summary-list">
          {[
            ["Status", status],
            ["Version", `${pack.version.number}, by ${pack.version.authorName}, ${longDate(pack.version.createdAt)}`],
            ["Data", content.vintage.join("; ") || "–"],
            ...(pack.sharedWith.length ? [["Shared with", pack.sharedWith.map((o) => o.name).join(", ")]] : []),
          ].map(([k, v]) => (
            <div className="nhsuk-summary-list__row" key={k}>
              <dt className="nhsuk-summary-list__key">{k}</dt>
              <dd className="nhsuk-summary-list__value">{v}</dd>
            </div>
          ))}
        </dl>
        {content.synthetic ? (
          <div className="app-synthetic-banner" role="note" aria-label="Synthetic demonstration data">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              <strong>Synthetic demonstration data.</strong> Some figures in this pack are synthetic demonstration data: they describe no real service, organisation or client. Each section says which.
            </p>
          </div>
        ) : null}
        <div className="app-no-print" id="pack-actions">
          <ul className="app-pack-actions">
            <li>
              <a href={`/packs/${pack.id}/pdf`} download>
                Download the pack (PDF)
              </a>
            </li>
            <li>
              <a href={`/packs/${pack.id}/annex.xlsx`} download>
                Download the data annex (XLSX)
              </a>
            </li>
            {pack.canEdit ? (
              <li>
                <Link to={`/packs/${pack.id}/edit`}>Edit sections and narrative</Link>
              </li>
            ) : null}
          </ul>
          {pack.canEdit ? (
            <Form method="post" className="app-pack-publish">
              <input type="hidden" name="intent" value="publish" />
              <p className="nhsuk-body-s">Publishing freezes the figures as they are now and stops further changes. Published packs can be shared with VCSE organisations.</p>
              <Button>Publish this pack</Button>
            </Form>
          ) : null}
          {canShare && organisations.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="share" />
              <div className="nhsuk-form-group">
                <fieldset className="nhsuk-fieldset" aria-describedby="share-hint">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Share with VCSE organisations</legend>
                  <div className="nhsuk-hint" id="share-hint">
                    Their users will be able to read this published pack and download it.
                  </div>
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                    {organisations.map((o) => (
                      <div className="nhsuk-checkboxes__item" key={o.id}>
                        <input className="nhsuk-checkboxes__input" id={`share-${o.id}`} name="organisationIds" type="checkbox" value={o.id} defaultChecked={pack.sharedWith.some((s) => s.id === o.id)} />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`share-${o.id}`}>
                          {o.name}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
              <Button secondary>Save sharing</Button>
            </Form>
          ) : null}
        </div>
        <nav className="app-pack-contents" aria-labelledby="contents-heading">
          <h2 id="contents-heading">Contents</h2>
          {content.sections.length ? (
            <ol className="nhsuk-list nhsuk-list--number">
              {content.sections.map((s, i) => (
                <li key={s.spec.kind}>
                  <a href={`#pack-section-${i + 1}`}>{s.data.title}</a>
                </li>
              ))}
            </ol>
          ) : (
            <p>This pack has no sections yet.{pack.canEdit ? " Edit it to choose them." : ""}</p>
          )}
        </nav>
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Disclosure control</span>
          </summary>
          <div className="nhsuk-details__text">
            {DISCLOSURE_RULE.map((r) => (
              <p key={r} className="nhsuk-body-s">
                {r}
              </p>
            ))}
          </div>
        </details>
      </div>
      {content.sections.map((s, i) => (
        <PackSectionView key={s.spec.kind} section={s} index={i} />
      ))}
      {/* Printed pages carry the pack, its date and data vintage in their margins: page margin boxes take only CSS strings. */}
      <style>{`@media print { @page { @top-left { content: ${cssString(`${pack.title} · ${area}`)}; } @bottom-left { content: ${cssString(footer)}; } } }`}</style>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? data.content.pack.title : "Strategy evidence pack"} – Health justice commissioning` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
