import type { AuditChange, AuditPiece } from "@/lib/audit/describe";
import type { AuditEventView } from "@/lib/data/audit";
import { longDateTime } from "@/lib/dates";

// Plain links: a page holds up to 150 of them, and as next/link each would travel in the page's
// payload as a client component and be prefetched as it scrolls into view.
const link = "font-medium text-path hover:underline";

function Piece({ piece }: { piece: AuditPiece }) {
  if (typeof piece === "string") return piece;
  if (!piece.href) return piece.text;
  return (
    <a href={piece.href} className={link}>
      {piece.text}
    </a>
  );
}

/** "Role: Engineer → Manager", or "Email: sam@example.com" for a value set once. */
function Change({ change }: { change: AuditChange }) {
  const value = change.from !== undefined && change.to !== undefined ? `${change.from} → ${change.to}` : (change.to ?? change.from);
  return (
    <li>
      <span className="font-medium text-stone-800">{change.field}:</span> {value}
    </li>
  );
}

/** One event of the log: when, who, what in words, and what changed; a card on a phone, a row on a laptop. */
export function AuditEvent({ event }: { event: AuditEventView }) {
  const { phrase, changes, notes, details } = event.description;
  return (
    <li className="grid gap-1 px-4 py-3 sm:grid-cols-[12.5rem_minmax(0,1fr)] sm:gap-4" data-testid="audit-event">
      <p className="text-sm text-stone-600 sm:whitespace-nowrap sm:pt-0.5">
        <time dateTime={event.at.toISOString()}>{longDateTime(event.at)}</time>
      </p>
      <div className="min-w-0 space-y-1.5 [overflow-wrap:anywhere]">
        <p className="text-stone-900">
          {event.actor ? (
            <a href={`/people/${event.actor.id}`} className="font-semibold text-stone-900 hover:underline">
              {event.actor.name}
            </a>
          ) : (
            <span className="font-semibold">Waymark</span>
          )}{" "}
          {phrase.map((p, i) => (
            <Piece key={i} piece={p} />
          ))}
        </p>
        {changes.length > 0 && (
          <ul aria-label="What changed" className="space-y-0.5 text-sm text-stone-700">
            {changes.map((c, i) => (
              <Change key={i} change={c} />
            ))}
          </ul>
        )}
        {notes.map((n, i) => (
          <div key={i} className="text-sm text-stone-700">
            <p className="font-medium text-stone-800">{n.label}:</p>
            <p className="line-clamp-6 whitespace-pre-line border-l-2 border-stone-300 pl-3">{n.text}</p>
          </div>
        ))}
        {details.length > 0 && (
          <details className="text-sm text-stone-700">
            <summary className="cursor-pointer text-stone-600 hover:text-stone-900">Details</summary>
            <ul className="mt-1 space-y-0.5">
              {details.map((c, i) => (
                <Change key={i} change={c} />
              ))}
            </ul>
          </details>
        )}
        <p data-testid="audit-action" className="text-xs text-stone-600">
          {event.actionLabel}
        </p>
      </div>
    </li>
  );
}
