import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">This page does not exist, or it is not one you have access to.</p>
      <Link href="/path" className="mt-4 inline-block text-path hover:underline">
        Go to the career path
      </Link>
    </div>
  );
}
