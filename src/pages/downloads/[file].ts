/** Every published aggregate as CSV and JSON, one pair per dataset, plus everything at once. */
import type { APIRoute } from 'astro';
import report from 'virtual:trust-report';
import { downloadFiles } from '../../downloads/files.ts';

export const getStaticPaths = () =>
  downloadFiles(report).map((file) => ({ params: { file: file.name }, props: { body: file.body, type: file.type } }));

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
