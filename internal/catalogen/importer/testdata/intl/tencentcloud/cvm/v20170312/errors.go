// Copyright (c) 2017-2025 Tencent. All Rights Reserved.

package v20170312

const (
	// error codes for specific actions

	// Role name authentication failed.
	AUTHFAILURE_CAMROLENAMEAUTHENTICATEFAILED = "AuthFailure.CamRoleNameAuthenticateFailed"

	// The account already exists.
	FAILEDOPERATION_ACCOUNTALREADYEXISTS = "FailedOperation.AccountAlreadyExists"

	//
	FAILEDOPERATION_ILLEGALTAGKEY = "FailedOperation.IllegalTagKey"

	// Invalid instance `ID`. The specified instance `ID` has an invalid
	// format.
	INVALIDINSTANCEID_MALFORMED = "InvalidInstanceId.Malformed"

	// Licenses are insufficient.
	UNAUTHORIZEDOPERATION_LICENSEINACTIVE = "UnauthorizedOperation.LicenseInactive"

	// The region is not supported by this SDK only.
	UNSUPPORTEDOPERATION_INTLONLY = "UnsupportedOperation.IntlOnly"
)
