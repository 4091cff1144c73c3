package v20200819

const (
	// error codes for specific actions

	// COS exception.
	INTERNALERROR_INTERNALCOSERROR = "InternalError.InternalCOSError"
)
