package parse

import (
	"slices"
	"testing"
)

// shapeSeeds seed the parse fuzz targets with one small example of each
// real-world shape in the README's parse table (each under 1 KiB: a big seed
// slows every execution and every minimization). TestShapeSeeds keeps each
// one producing the shape it is listed under.
var shapeSeeds = []struct {
	shape Shape
	in    string
}{
	{ShapeAPI3JSON, `{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}` + "\n"},
	{ShapeAPI3JSON, "{\n  \"Response\": {\n    \"Error\": {\n      \"Code\": \"MissingParameter\",\n      \"Message\": \"The request is missing a required parameter `Limit`.\"\n    },\n    \"RequestId\": \"2d3e4f5a-6b7c-4d8e\"\n  }\n}\n"},
	{ShapeAPI3JSON, "\ufeff{\"Response\":{\"Error\":{\"Code\":\"InvalidAction\",\"Message\":\"x\"},\"RequestId\":\"r\"}}\r\n{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"An internal error has occurred. Ret"},
	{ShapeAPI3JSON, "*   Trying 129.211.0.1:443...\n> POST / HTTP/1.1\n> Host: cvm.tencentcloudapi.com\n> X-TC-Action: RunInstances\n> X-TC-Timestamp: 1704067200\n> X-TC-Version: 2017-03-12\n> \n< HTTP/1.1 200 OK\n< Date: Mon, 01 Jan 2024 00:00:01 GMT\n< \n{\"Response\":{\"Error\":{\"Code\":\"ResourceInsufficient.SpecifiedInstanceType\",\"Message\":\"sold out\"},\"RequestId\":\"5e6f7a8b\"}}\n* Connection #0 to host cvm.tencentcloudapi.com left intact\n"},
	{ShapeAPI3JSON, "$ curl -i -X POST https://cvm.tencentcloudapi.com/ -H \"X-TC-Action: DescribeInstances\"\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureExpire\",\"Message\":\"Signature expired\"},\"RequestId\":\"r-1\"}}\n"},
	{ShapeAPI2JSON, `{"code":4100,"message":"鉴权失败，请参考文档中鉴权部分。","codeDesc":"AuthFailure"}` + "\n" + `{"code":"4000","message":"(100004)projectId不正确","codeDesc":"InvalidParameter"}` + "\n"},
	{ShapeGoSDK, "2024/01/01 10:00:00 An API error has returned: [TencentCloudSDKError] Code=AuthFailure.SignatureFailure, Message=The provided credentials could not be validated., RequestId=ed93f3cb-f35e-473f\n"},
	{ShapeGoSDK, "rpc error: code = Unknown desc = [TencentCloudSDKError] Code=FailedOperation.ErrorTcr, Message=TCR error, RequestId=7e8f9a0b\n"},
	{ShapeGoSDK, `{"level":"error","msg":"describe failed","error":"[TencentCloudSDKError] Code=UnauthorizedOperation, Message=没有权限 \"tcr:DescribeRepositories\", RequestId=8f9a0b1c"}` + "\n"},
	{ShapePythonSDK, "Traceback (most recent call last):\n  File \"/app/sync.py\", line 42, in <module>\n    resp = client.DescribeInstances(req)\ntencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:InvalidParameterValue message:The value of Filters is invalid requestId:1a2b3c4d\n"},
	{ShapeJavaSDK, "[TencentCloudSDKException]code: UnauthorizedOperation message:You are not authorized to perform this operation. requestId:d3e4f5a6-b7c8\n\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:252)\n"},
	{ShapeNodeSDK, "TencentCloudSDKHttpException [Error]: The SecretId is not found, please ensure that your SecretId is correct.\n    at Client.request (/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:212:23) {\n  requestId: 'c7a2c5b1-8d3e',\n  traceId: '',\n  code: 'AuthFailure.SecretIdNotFound'\n}\n"},
	{ShapeNodeSDK, "[TencentCloudSDKException]message:The provided credentials could not be validated. Please check your signature is correct.  requestId:ab12cd34  traceId:\n"},
	{ShapePHPSDK, "PHP Fatal error:  Uncaught [TencentCloud\\Common\\Exception\\TencentCloudSDKException] code:InvalidParameter message:The parameter `Limit` is invalid. requestId:1a2b3c4d\n  thrown in /var/www/vendor/tencentcloud/tencentcloud-sdk-php/src/TencentCloud/Common/AbstractClient.php on line 193\n"},
	{ShapeRubySDK, "E, [2024-01-01T10:00:00.000000 #4242] ERROR -- : TencentCloud::Common::TencentCloudSDKException ([TencentCloudSDKError] Code=FailedOperation.ErrorTcr, Message=TCR internal error, RequestId=3d4e5f6a)\n"},
	{ShapeDotNetSDK, "Unhandled exception. message：code:AuthFailure.SignatureExpire message:Signature expired.  requestId5b1a9c7e-3d2f\n   at TencentCloud.Common.AbstractClient.InternalRequest(AbstractModel request, String actionName)\n"},
	{ShapeTccli, "$ tccli cvm DescribeInstances --region ap-guangzhou\n[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:The SecretId is not found requestId:4e5f6a7b\n"},
	{ShapeTccli, "tccli: [TencentCloudSDKException] code:InvalidParameterValue message:Invalid region ap-nowhere requestId:5f6a7b8c\n"},
	{ShapeTerraform, "tencentcloud_instance.web: Creating...\n╷\n│ Error: [TencentCloudSDKError] Code=InvalidParameterValue.InvalidImageId, Message=The image `img-abcdefgh` does not exist., RequestId=6a7b8c9d\n│ \n│   with tencentcloud_instance.web,\n╵\n"},
	{ShapePythonDict, `{u'Response': {u'Error': {u'Code': u'InvalidParameter', u'Message': u'\u53c2\u6570\u9519\u8bef'}, u'RequestId': u'8b9c0d1e'}}` + "\n"},
	{ShapePythonDict, `resp = {'Error': {'Code': 'ResourceInUse', 'Message': "namespace is in use, can't delete"}, 'RequestId': '9c0d1e2f'}` + "\n"},
	{ShapeCodeMessage, "Code: InvalidParameter, Message: The parameter `Filters` is invalid\n" + `time="2024-01-01T10:00:00Z" level=error code=ResourceNotFound message="instance ins-1 not found" request_id=2f3a4b5c` + "\n"},
	{ShapeProse, "2024-01-01 10:00:00 WARN throttled by API: RequestLimitExceeded, retrying in 2s\n"},
	{ShapeMessageOnly, "2024-01-01 10:00:00 ERROR call failed: Message: The SecretId is not found, please ensure that your SecretId is correct.\n"},
}

func TestShapeSeeds(t *testing.T) {
	covered := map[Shape]bool{}
	for _, s := range shapeSeeds {
		if len(s.in) >= 1<<10 {
			t.Errorf("%s seed has %d bytes, want under 1 KiB", s.shape, len(s.in))
		}
		fs, _ := scanString(t, s.in, testOptions())
		if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Shape == s.shape }) {
			t.Errorf("%s seed %q: findings %+v, none of its shape", s.shape, s.in, fs)
		}
		covered[s.shape] = true
	}
	for _, sh := range []Shape{ShapeAPI3JSON, ShapeAPI2JSON, ShapeGoSDK, ShapePythonSDK, ShapeJavaSDK, ShapeNodeSDK,
		ShapePHPSDK, ShapeRubySDK, ShapeDotNetSDK, ShapeTccli, ShapeTerraform, ShapePythonDict, ShapeCodeMessage,
		ShapeProse, ShapeMessageOnly} {
		if !covered[sh] {
			t.Errorf("no fuzz seed of shape %s", sh)
		}
	}
}
