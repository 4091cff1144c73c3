// Copyright (c) 2017-2025 Tencent. All Rights Reserved.

package v20230101

const (
	// 此产品的特有错误码

	// 标签键存在不合法字符，
	// 请检查后重试。
	FAILEDOPERATION_ILLEGALTAGKEY = "FailedOperation.IllegalTagKey"

	// 账号已经存在
	FAILEDOPERATION_ACCOUNTALREADYEXISTS = "FailedOperation.AccountAlreadyExists"

	// 该实例  已停止。
	INVALIDINSTANCE_STOPPED = "InvalidInstance.Stopped"
)
