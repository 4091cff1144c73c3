// Copyright (c) 2017-2025 Tencent. All Rights Reserved.

package v20170312

// CreateAccount
// This API is used to create an account.
//
// error code that may be returned:
//
//	FAILEDOPERATION_ACCOUNTALREADYEXISTS = "FailedOperation.AccountAlreadyExists"
//	INVALIDINSTANCEID_MALFORMED = "InvalidInstanceId.Malformed"
func (c *Client) CreateAccount(request *CreateAccountRequest) (response *CreateAccountResponse, err error) {
	return c.CreateAccountWithContext(context.Background(), request)
}

// DescribeIntlRegions
// This API is used to query the regions of the international site.
//
// error code that may be returned:
//
//	UNSUPPORTEDOPERATION_INTLONLY = "UnsupportedOperation.IntlOnly"
func (c *Client) DescribeIntlRegions(request *DescribeIntlRegionsRequest) (response *DescribeIntlRegionsResponse, err error) {
	return c.DescribeIntlRegionsWithContext(context.Background(), request)
}
