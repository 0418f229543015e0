import { useQuery } from '@tanstack/react-query';
import { XLSX_MIME, type ImportJob, type ImportKind, type ImportStartResponse, type ErrorBody } from '@dangjian/contracts';
import { api, ApiError, buildUrl, csrfHeader } from '../../lib/api.ts';

export const importKeys = {
  all: ['imports'] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
};

/** Where the server-made files are: templates, error reports. */
export const templateUrl = (kind: ImportKind) => buildUrl(`/${kind}/import/template`);
export const errorReportUrl = (jobId: string) => buildUrl(`/imports/${jobId}/errors.xlsx`);

async function failure(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `请求失败（${res.status}）`, body.details, body.requestId);
}

/**
 * Uploads a roster as the raw .xlsx body (no multipart) with the session's CSRF header;
 * the server answers 202 with the job to poll.
 * @example const { jobId } = await uploadImport('members', orgId, file);
 */
export async function uploadImport(kind: ImportKind, orgId: string, file: File): Promise<ImportStartResponse> {
  const res = await fetch(buildUrl(`/${kind}/import`, { orgId, fileName: file.name.slice(0, 200) }), {
    method: 'POST',
    headers: { 'content-type': XLSX_MIME, accept: 'application/json', ...csrfHeader() },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as ImportStartResponse;
}

/** A job, polled every 500 ms until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => api<ImportJob>(`/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 500),
  });
}

/**
 * Downloads a server-made file (GET) and saves it under the name the server gives, so an
 * error answer can be shown instead of saving a JSON body as .xlsx.
 */
export async function downloadFile(path: string, query?: Record<string, string | undefined>): Promise<void> {
  const res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  if (!res.ok) throw await failure(res);
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/.exec(cd)?.[1];
  const name = star ? decodeURIComponent(star) : 'download.xlsx';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
