// Package parse finds Tencent Cloud API errors in arbitrary text: API
// response bodies, HTTP transcripts, SDK exception strings, CLI and Terraform
// output, and log files of any size.
//
// Scan reads its input line by line with bounded memory and reports each
// error it recognises as a Finding, in input order. The package knows the
// shapes of the text, not the error catalog: callers pass catalog knowledge in
// through Options (KnownCode, InferCode). It does no I/O of its own besides
// reading the given io.Reader.
//
// With more than one CPU, Scan reads the io.Reader on a goroutine of its own,
// a few hundred KiB ahead, and there also finds the lines that may hold an
// error (most lines of a log are passed over with one vectorised search). The
// Options funcs and emit are only called on the caller's goroutine. When emit
// fails, the reading goroutine stops at its next read; one in progress is
// left to finish.
//
// # Shapes
//
// Each Finding names the shape it was recognised in. The names are stable
// (they appear in the CLI's JSON output).
//
//	Shape          Confidence  Example
//	api3-json      high        {"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"..."},"RequestId":"ed93f3cb-..."}}
//	api2-json      high        {"code":4100,"message":"...","codeDesc":"AuthFailure"}   (Code = codeDesc, LegacyCode = "4100")
//	go-sdk         high        [TencentCloudSDKError] Code=ResourceNotFound, Message=..., RequestId=...
//	python-sdk     high        [TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:... requestId:...
//	java-sdk       high        [TencentCloudSDKException]code: InvalidParameter message:... requestId:...
//	                           [TencentCloudSDKException]message:InternalError.SendAndRecvFail-<text> requestId:...
//	                           (before 2020: the code glued to the message with a dash)
//	nodejs-sdk     high/low    TencentCloudSDKHttpException [Error]: M ... { requestId: '...', code: '...' }   (high)
//	                           [TencentCloudSDKException]message:M  requestId:R  traceId:T   (code inferred: low)
//	                           either prefix alone at the end of its line, M on the next
//	php-sdk        high        [TencentCloud\Common\Exception\TencentCloudSDKException] code:X message:M requestId:R
//	ruby-sdk       high        TencentCloud::Common::TencentCloudSDKException ([TencentCloudSDKError] Code=..., ...)
//	dotnet-sdk     high        message：code:X message:M  requestIdR   (TencentCloudSDKException.ToString)
//	                           TencentCloud.Common.TencentCloudSDKException: code:X message:M
//	tccli          high        the python-sdk form printed by tccli (after a `tccli cvm DescribeInstances` line,
//	                           behind "$ ", "> ", "PS C:\dir> " or "C:\dir>", tccli usage text, or behind a
//	                           "tccli: " prefix)
//	terraform      high        Error: [TencentCloudSDKError] Code=..., Message=..., RequestId=...
//	python-dict    high        {u'Response': {u'Error': {u'Code': u'X', u'Message': u'M'}, u'RequestId': u'R'}}
//	code-message   medium      Code: InvalidParameter, Message: ...   (also code=X message=Y, a flat {code, message} object)
//	prose          low         ... failed: RequestLimitExceeded, retrying   (only codes Options.KnownCode accepts)
//	                           ... failed: "The SecretId is not found ..."   (a quoted known server message on a line
//	                           naming an Options.MessageWord; code inferred)
//	message-only   low         Message: The SecretId is not found ...   (no code; Options.InferCode named it)
//
// The SDK forms are also recognised nested inside other text: gRPC errors
// ("rpc error: code = Unknown desc = [TencentCloudSDKError] ..."), Python
// tracebacks, Java stack traces, logfmt fields and string values of JSON log
// lines (zap, logrus, bunyan ...), whose escapes are decoded first.
//
// The .NET SDK's real format differs from the other SDKs':
// TencentCloudSDKException.Message is "code:X message:M " and ToString()
// returns "message：" (a full-width colon) + Message + " requestId" + R, with no
// separator before the request id. Both are recognised.
//
// # Choices
//
//   - A Go SDK ClientError.HttpStatusCodeError (or a python ServerNetworkError)
//     carries the server's response body in its Message. The body's own error is
//     reported as a second finding (shape api3-json or api2-json, same line)
//     only when its code differs from the outer code.
//   - Records with no code (Node.js toString, Java with code null, a logback
//     "TencentCloudSDKException: M" line, a JSON Error object without Code) are
//     reported only when Options.InferCode names a code for the message; such
//     findings have Inferred set, Confidence low, and keep their SDK shape.
//   - A code in prose is reported only when KnownCode accepts it, or when it is
//     dotted CamelCase and KnownCode accepts its class (the part before the
//     first dot). Each code is reported at most once per line in prose, and
//     never when a structured finding on the same line already names it.
//     Prose detection needs a lower-to-upper case hump in the code, which every
//     catalog code but "DBError" has.
//   - A legacy API 2.0 body counts only when it carries a codeDesc or when
//     KnownCode accepts its numeric code; code 0 is success.
//   - A flat object or code=X line counts only when the code looks like a
//     Tencent Cloud code (CamelCase) and a message label follows it, or when
//     KnownCode accepts the code.
//   - Finding.Offset values never decrease. Several findings may come from one
//     line (two concatenated bodies, a Go error with a nested body).
//
// # Limits
//
//   - Memory is bounded by Options.MaxRecord (default 64 KiB) plus the read
//     buffers (up to 1 MiB), whatever the input: a longer line keeps only its
//     first MaxRecord bytes (findings from it have Cut set, Stats.CutRecords
//     counts it), and a multi-line body longer than MaxRecord is closed there
//     (Cut).
//   - A JSON body spanning lines is followed while its text stays valid JSON (or
//     Python/JavaScript literal syntax); a line that breaks the syntax ends the
//     body as truncated, and that line is scanned afresh.
//   - Lines end at "\n"; a trailing "\r" is dropped. A UTF-8 BOM at the start of
//     a line is skipped. A lone "\r" does not end a line.
//   - Message and Date keep invalid UTF-8, NUL and other control characters
//     as they are: escaping them is the printer's job (internal/textsafe,
//     internal/render write each invalid byte as \xHH). Codes, request ids, hosts,
//     actions and versions are ASCII by construction.
//   - Unlabelled text ("The SecretId is not found ...") is never matched
//     against InferCode: every line would then cost an InferCode call.
//
// # Secrets
//
// Scan does not redact. Finding fields are copied from the input and can hold
// secrets: a Message may quote a SecretId, a request header or a whole request,
// and Host/Date are raw header values. Callers must pass every string they
// print through internal/redact (redact.Cut when Cut or Truncated is set: a
// field may then end inside a secret).
package parse
