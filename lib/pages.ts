import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For pages: what the data-access layer answers, or Next's 404 page when it says "not found". */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
}
