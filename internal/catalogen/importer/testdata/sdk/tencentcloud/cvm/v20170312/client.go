// Copyright (c) 2017-2025 Tencent. All Rights Reserved.

package v20170312

// RunInstances
// 本接口 (RunInstances) 用于创建一个或多个指定配置的实例。
//
// 可能返回的错误码:
//
//	AUTHFAILURE_CAMROLENAMEAUTHENTICATEFAILED = "AuthFailure.CamRoleNameAuthenticateFailed"
//	INTERNALERROR = "InternalError"
//	INVALIDINSTANCEID_MALFORMED = "InvalidInstanceId.Malformed"
func (c *Client) RunInstances(request *RunInstancesRequest) (response *RunInstancesResponse, err error) {
	return c.RunInstancesWithContext(context.Background(), request)
}

// RunInstances
// 本接口 (RunInstances) 用于创建一个或多个指定配置的实例。
//
// 可能返回的错误码:
//
//	AUTHFAILURE_CAMROLENAMEAUTHENTICATEFAILED = "AuthFailure.CamRoleNameAuthenticateFailed"
//	INTERNALERROR = "InternalError"
//	INVALIDINSTANCEID_MALFORMED = "InvalidInstanceId.Malformed"
func (c *Client) RunInstancesWithContext(ctx context.Context, request *RunInstancesRequest) (response *RunInstancesResponse, err error) {
	if request == nil {
		request = NewRunInstancesRequest()
	}
	return
}

// CreateTags
// 本接口用于创建标签。
//
// 可能返回的错误码:
//
//	FAILEDOPERATION_ILLEGALTAGKEY = "FailedOperation.IllegalTagKey"
func (c *Client) CreateTags(request *CreateTagsRequest) (response *CreateTagsResponse, err error) {
	return c.CreateTagsWithContext(context.Background(), request)
}

// DescribeInstances
// 本接口用于查询实例。可能返回的错误码不在此列出。
func (c *Client) DescribeInstances(request *DescribeInstancesRequest) (response *DescribeInstancesResponse, err error) {
	return c.DescribeInstancesWithContext(context.Background(), request)
}
