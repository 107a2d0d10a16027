/** An error a Manage handler throws; the router turns it into the {"error":{type,message}} envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
  ) {
    super(message);
  }
}
