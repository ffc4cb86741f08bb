// The app API's error codes (brief §4.3) as one throwable type.

export const ApiCode = {
  permissionDenied: -1,
  invalidRequest: -6,
  alreadyShared: -11,
  invitePending: -12,
  tooManySharees: -13,
} as const;

const MESSAGES: Record<number, string> = {
  [ApiCode.permissionDenied]: "permission denied",
  [ApiCode.invalidRequest]: "invalid request",
  [ApiCode.alreadyShared]: "repeated request",
  [ApiCode.invitePending]: "frequent request",
  [ApiCode.tooManySharees]: "too many managers",
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message = MESSAGES[code] ?? "error",
  ) {
    super(message);
  }
}
