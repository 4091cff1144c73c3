package v20200819

// SendEmail
// This API is used to send regular emails.
//
// error code that may be returned:
//
//	INTERNALERROR_INTERNALCOSERROR = "InternalError.InternalCOSError"
func (c *Client) SendEmail(request *SendEmailRequest) (response *SendEmailResponse, err error) {
	return c.SendEmailWithContext(context.Background(), request)
}

// SendEmail
// This API is used to send regular emails.
//
// error code that may be returned:
//
//	INTERNALERROR_INTERNALCOSERROR = "InternalError.InternalCOSError"
func (c *Client) SendEmailWithContext(ctx context.Context, request *SendEmailRequest) (response *SendEmailResponse, err error) {
	return
}
