// Copyright (c) 2017-2025 Tencent. All Rights Reserved.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.

package v20170312

const (
	// 此产品的特有错误码

	// 角色名鉴权失败
	AUTHFAILURE_CAMROLENAMEAUTHENTICATEFAILED = "AuthFailure.CamRoleNameAuthenticateFailed"

	// 旧的说明。
	FAILEDOPERATION_ILLEGALTAGKEY = "FailedOperation.IllegalTagKey"

	// 无效实例`ID`。指定的实例`ID`格式错误。
	INVALIDINSTANCEID_MALFORMED = "InvalidInstanceId.Malformed"

	// License未激活。
	UNAUTHORIZEDOPERATION_LICENSEINACTIVE = "UnauthorizedOperation.LicenseInactive"

	//
	UNSUPPORTEDOPERATION_EMPTY = "UnsupportedOperation.Empty"
)
