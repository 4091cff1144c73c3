// Copyright (c) 2017-2025 Tencent. All Rights Reserved.

package v20230101

// ModifyTags
// 本接口用于修改标签。
//
// 可能返回的错误码:
//
//	FAILEDOPERATION_ACCOUNTALREADYEXISTS = "FailedOperation.AccountAlreadyExists"
//	FAILEDOPERATION_ILLEGALTAGKEY = "FailedOperation.IllegalTagKey"
func (c *Client) ModifyTags(request *ModifyTagsRequest) (response *ModifyTagsResponse, err error) {
	return c.ModifyTagsWithContext(context.Background(), request)
}
